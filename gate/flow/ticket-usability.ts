/** A ticket's line in the menu: whether it can be used at this gate now, and why not, from the card's CheckTickets answers. */
import type { PresentedCard } from './gate-state.js';
import { reasonWords, when } from './reason-words.js';

export interface TicketUsability {
  /** The center said it would admit this ticket here now. */
  readonly usable: boolean;
  /** Not asked, or no answer: unknown, not refused. */
  readonly unknown: boolean;
  readonly words: string;
}

export function ticketUsability(card: PresentedCard, index: number, now: Date = new Date()): TicketUsability {
  const check = card.checks?.[index];
  if (!check) return { usable: false, unknown: true, words: 'Not checked: no answer from the sales center' };
  if (check.admitted) {
    const entries = check.entriesLeft > 1 ? ` (${check.entriesLeft} entries left)` : '';
    return { usable: true, unknown: false, words: `Valid here${entries}${onCard(card, index, now)}` };
  }
  return { usable: false, unknown: false, words: reasonWords(check, now) };
}

/**
 * The ticket's last movement written on the card (SPEC §9), e.g. " · card: in at G2 19:02": an off-line
 * gate's entry the center may not have heard of yet.
 */
function onCard(card: PresentedCard, index: number, now: Date): string {
  const ticketId = card.tickets[index]?.ticket?.ticketId;
  const last = card.entries?.filter((entry) => entry.ticketId === ticketId).at(-1);
  if (!last) return '';
  return ` · card: ${last.direction === 'exit' ? 'out' : 'in'} at ${last.gateId} ${when(last.at, now)}`;
}
