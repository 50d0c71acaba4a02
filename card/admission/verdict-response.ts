/**
 * A verdict as the attendant's screen receives it: RedeemTicketResponse's
 * shape and its sentences. The center answering on line and a gate deciding
 * off line (SPEC §9) both build their answer here, so a gate says the same
 * words either way.
 */
import { Direction, RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import type { AdmissionRules } from './admission-rules.js';
import type { EntriesUsed } from './judge.js';
import type { AdmissionVerdict, Rejection } from './verdict.js';

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

const directionOf = (direction: 'entry' | 'exit') =>
  direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY;

/** A sentence an attendant can act on; gates may render their own from the reason and the extra fields. */
export function rejectMessage(reason: RejectReason, detail: Omit<Rejection, 'admitted' | 'reason'> = {}): string {
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

export interface AdmittedDetail {
  readonly buyerName: string;
  readonly direction: 'entry' | 'exit';
  /** An entry after an exit that used no entry. */
  readonly reentry: boolean;
  readonly entriesLeft: number;
  /** From its second entry on: when and where the ticket was first used. */
  readonly firstUsedAt?: Date;
  readonly firstUsedGate?: string;
  /** The product's admission window. */
  readonly validFrom?: Date;
  readonly validUntil?: Date;
}

export function admittedResponse(detail: AdmittedDetail): RedeemTicketResponse {
  const name = detail.buyerName;
  return {
    admitted: true,
    reason: RejectReason.REJECT_REASON_UNSPECIFIED,
    message:
      detail.direction === 'exit'
        ? `Goodbye, ${name}.`
        : detail.reentry
          ? `Welcome back, ${name}.`
          : `Welcome, ${name}.`,
    firstUsedAt: detail.firstUsedAt,
    firstUsedGate: detail.firstUsedGate ?? '',
    entriesLeft: detail.entriesLeft,
    validFrom: detail.validFrom,
    validUntil: detail.validUntil,
    direction: directionOf(detail.direction),
    reentry: detail.reentry,
  };
}

export function rejectedResponse(rejection: Rejection, direction: 'entry' | 'exit'): RedeemTicketResponse {
  return {
    admitted: false,
    reason: rejection.reason,
    message: rejectMessage(rejection.reason, rejection),
    firstUsedAt: rejection.firstUsedAt,
    firstUsedGate: rejection.firstUsedGate ?? '',
    entriesLeft: 0,
    validFrom: rejection.validFrom,
    validUntil: rejection.validUntil,
    direction: directionOf(direction),
    reentry: false,
  };
}

/** What a verdict's answer says besides the verdict. */
export interface VerdictContext {
  readonly direction: 'entry' | 'exit';
  readonly buyerName: string;
  readonly rules: AdmissionRules;
  /** The ticket's use before this movement. */
  readonly entries: Pick<EntriesUsed, 'firstUsedAt' | 'firstUsedGate'>;
  /** Only checked (a dry run, a ticket menu): the entry an admission would take is still left. */
  readonly check: boolean;
}

/** The judge's verdict as a gate shows it, from the center on line or from the gate itself off line. */
export function verdictResponse(verdict: AdmissionVerdict, context: VerdictContext): RedeemTicketResponse {
  if (!verdict.admitted) return rejectedResponse(verdict, context.direction);
  const counted = verdict.direction === 'entry' && !verdict.reentry;
  return admittedResponse({
    buyerName: context.buyerName,
    direction: verdict.direction,
    reentry: verdict.reentry,
    entriesLeft: verdict.entriesLeft + (context.check && counted ? 1 : 0),
    firstUsedAt: context.entries.firstUsedAt ?? undefined,
    firstUsedGate: context.entries.firstUsedGate ?? '',
    validFrom: context.rules.opensAt ?? undefined,
    validUntil: context.rules.closesAt,
  });
}
