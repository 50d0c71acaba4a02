/** A ticket's line in the menu: whether it can be used at this gate now, and why not, from the card's CheckTickets answers. */
import type { PresentedCard } from './gate-state.js';
import { reasonWords } from './reason-words.js';

export interface TicketState {
  /** The center said it would admit this ticket here now. */
  readonly usable: boolean;
  /** Not asked, or no answer: unknown, not refused. */
  readonly unknown: boolean;
  readonly words: string;
}

export function ticketState(card: PresentedCard, index: number, now: Date = new Date()): TicketState {
  const check = card.checks?.[index];
  if (!check) return { usable: false, unknown: true, words: 'Not checked: no answer from the sales center' };
  if (check.admitted) {
    const entries = check.entriesLeft > 1 ? ` (${check.entriesLeft} entries left)` : '';
    return { usable: true, unknown: false, words: `Valid here${entries}` };
  }
  return { usable: false, unknown: false, words: reasonWords(check, now) };
}

/** Cuts `text` to `width` columns with an ellipsis, padded to exactly `width`. */
export function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}
