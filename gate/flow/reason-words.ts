/**
 * The words a gate attendant reads: why a ticket is refused and what to do
 * about it, composed from the center's reason and its extra fields (gate,
 * times) in the gate's own time zone. Falls back to the center's sentence
 * for anything it does not know.
 */
import { RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { formatDateTime, formatTime } from '../../terminal/format.js';
import { rejectReasonWords } from '../../terminal/reject-reason-words.js';

const R = RejectReason;

/** "19:02" today, "Tue 1 Dec 19:02" on any other day. */
export function when(date: Date, now: Date = new Date(), timeZone?: string): string {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  return day(date) === day(now) ? formatTime(date, timeZone) : formatDateTime(date, timeZone);
}

/** Why the ticket is refused, e.g. "Already used at gate G2 at 19:02". Empty when admitted. */
export function reasonWords(response: RedeemTicketResponse, now: Date = new Date(), timeZone?: string): string {
  if (response.admitted) return '';
  const at = (date: Date | undefined) => (date ? when(date, now, timeZone) : '');
  switch (response.reason) {
    case R.REJECT_REASON_ALREADY_USED:
      return response.firstUsedAt
        ? `Already used at gate ${response.firstUsedGate || '?'} at ${at(response.firstUsedAt)}`
        : rejectReasonWords(response.reason);
    case R.REJECT_REASON_NOT_YET_VALID:
      return response.validFrom ? `Valid from ${at(response.validFrom)}` : rejectReasonWords(response.reason);
    case R.REJECT_REASON_EXPIRED:
      return response.validUntil
        ? `Admission closed at ${at(response.validUntil)}`
        : rejectReasonWords(response.reason);
    case R.REJECT_REASON_CANCELLED:
    case R.REJECT_REASON_WRONG_CARD:
    case R.REJECT_REASON_TAMPERED:
    case R.REJECT_REASON_BUYER_MISMATCH:
    case R.REJECT_REASON_UNKNOWN_TICKET:
      return rejectReasonWords(response.reason);
    default:
      // WRONG_GATE: the center's sentence names the gates that do admit it.
      return stripStop(response.message) || rejectReasonWords(R.REJECT_REASON_UNSPECIFIED);
  }
}

/** What the attendant should do next, one short sentence. */
export function reasonAdvice(response: RedeemTicketResponse): string {
  switch (response.reason) {
    case R.REJECT_REASON_ALREADY_USED:
      return 'Do not admit. If the buyer disputes it, send them to the box office.';
    case R.REJECT_REASON_NOT_YET_VALID:
      return 'Ask the buyer to come back when admission opens.';
    case R.REJECT_REASON_WRONG_GATE:
      return 'Send the buyer to the right gate.';
    case R.REJECT_REASON_WRONG_CARD:
    case R.REJECT_REASON_TAMPERED:
    case R.REJECT_REASON_BUYER_MISMATCH:
    case R.REJECT_REASON_UNKNOWN_TICKET:
      return 'Do not admit. Keep the buyer here and call a supervisor.';
    default:
      return 'Do not admit. Send the buyer to the box office.';
  }
}

const stripStop = (text: string) => text.trim().replace(/\.$/, '');
