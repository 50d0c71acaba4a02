/** Whether a ticket on the card is still valid, in a word for the My card screen, from the center's check (CheckTickets without a gate id: records nothing). */
import { RejectReason as R, type RedeemTicketResponse } from '../gen/cardgate/v1/gate.js';
import { theme } from '../terminal/theme.js';

export interface TicketValidity {
  readonly words: string;
  readonly color?: string;
  /** Used, expired or cancelled: can be cleared off the card to make room. */
  readonly clearable: boolean;
}

export function ticketValidity(result: RedeemTicketResponse | undefined): TicketValidity {
  if (!result) return { words: '?', clearable: false };
  if (result.admitted)
    return {
      words: result.entriesLeft > 1 ? `valid (${result.entriesLeft}×)` : 'valid',
      color: theme.ok,
      clearable: false,
    };
  switch (result.reason) {
    case R.REJECT_REASON_ALREADY_USED:
      return { words: 'used', color: theme.warn, clearable: true };
    case R.REJECT_REASON_EXPIRED:
      return { words: 'expired', color: theme.warn, clearable: true };
    case R.REJECT_REASON_CANCELLED:
      return { words: 'cancelled', color: theme.bad, clearable: true };
    case R.REJECT_REASON_NOT_YET_VALID:
      return { words: 'valid later', color: theme.ok, clearable: false };
    case R.REJECT_REASON_WRONG_CARD:
      return { words: 'copied', color: theme.bad, clearable: false };
    case R.REJECT_REASON_WRONG_GATE:
      return { words: 'valid', color: theme.ok, clearable: false };
    default:
      return { words: 'not valid', color: theme.bad, clearable: false };
  }
}
