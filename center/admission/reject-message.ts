import { RejectReason } from '../../gen/cardgate/v1/gate.js';

const MESSAGES: Record<RejectReason, string> = {
  [RejectReason.REJECT_REASON_UNSPECIFIED]: '',
  [RejectReason.REJECT_REASON_UNKNOWN_TICKET]: 'This ticket was not issued by this box office.',
  [RejectReason.REJECT_REASON_WRONG_CARD]: 'This ticket was copied from another card.',
  [RejectReason.REJECT_REASON_TAMPERED]: 'This ticket has been altered.',
  [RejectReason.REJECT_REASON_BUYER_MISMATCH]: 'The buyer details on the card do not match the order.',
  [RejectReason.REJECT_REASON_CANCELLED]: 'Order cancelled.',
  [RejectReason.REJECT_REASON_NOT_YET_VALID]: 'Not valid yet.',
  [RejectReason.REJECT_REASON_EXPIRED]: 'Admission has closed.',
  [RejectReason.REJECT_REASON_WRONG_GATE]: 'Not valid at this gate.',
  [RejectReason.REJECT_REASON_ALREADY_USED]: 'Already used.',
  [RejectReason.REJECT_REASON_NOT_INSIDE]: 'Not inside: this ticket has not come in, or has already gone out.',
  [RejectReason.UNRECOGNIZED]: '',
};

const hhmm = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A sentence an attendant can act on; gates may render their own from the reason and the extra fields. */
export function rejectMessage(
  reason: RejectReason,
  detail: {
    firstUsedAt?: Date;
    firstUsedGate?: string;
    validFrom?: Date;
    validUntil?: Date;
    gateIds?: readonly string[];
  } = {},
): string {
  switch (reason) {
    case RejectReason.REJECT_REASON_ALREADY_USED:
      return detail.firstUsedAt
        ? `Already used at gate ${detail.firstUsedGate} at ${hhmm(detail.firstUsedAt)}.`
        : MESSAGES[reason];
    case RejectReason.REJECT_REASON_NOT_YET_VALID:
      return detail.validFrom ? `Valid from ${hhmm(detail.validFrom)}.` : MESSAGES[reason];
    case RejectReason.REJECT_REASON_EXPIRED:
      return detail.validUntil ? `Admission closed at ${hhmm(detail.validUntil)}.` : MESSAGES[reason];
    case RejectReason.REJECT_REASON_WRONG_GATE:
      return detail.gateIds?.length
        ? `Not valid at this gate: use gate ${detail.gateIds.join(' or ')}.`
        : MESSAGES[reason];
    default:
      return MESSAGES[reason];
  }
}

/** `ALREADY_USED`, `TAMPERED`, ...: the reason as logs, metrics and gate_events name it. */
export const reasonName = (reason: RejectReason) =>
  (RejectReason[reason] ?? String(reason)).replace('REJECT_REASON_', '');
