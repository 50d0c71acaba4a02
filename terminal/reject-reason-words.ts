/**
 * The few words a person reads for each reason the center refuses a ticket (SPEC §5), shared by the
 * gate (its verdict, when the center sent no times or gates to compose a longer sentence from) and
 * the operator's monitor (its refusals by reason), so both say the same thing for the same refusal.
 */
import { RejectReason } from '../gen/cardgate/v1/gate.js';

const R = RejectReason;

export function rejectReasonWords(reason: RejectReason): string {
  switch (reason) {
    case R.REJECT_REASON_ALREADY_USED:
      return 'Already used';
    case R.REJECT_REASON_NOT_YET_VALID:
      return 'Not valid yet';
    case R.REJECT_REASON_EXPIRED:
      return 'Admission has closed';
    case R.REJECT_REASON_CANCELLED:
      return 'Order cancelled';
    case R.REJECT_REASON_WRONG_CARD:
      return 'This ticket was copied from another card';
    case R.REJECT_REASON_TAMPERED:
      return 'This ticket has been altered';
    case R.REJECT_REASON_BUYER_MISMATCH:
      return 'The buyer details on the card do not match the order';
    case R.REJECT_REASON_UNKNOWN_TICKET:
      return 'This ticket was not issued by this box office';
    case R.REJECT_REASON_WRONG_GATE:
      return 'Wrong gate';
    case R.REJECT_REASON_NOT_INSIDE:
      return 'Exit of a ticket that is not inside';
    default:
      return 'Refused by the sales center';
  }
}
