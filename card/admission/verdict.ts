/** What the judge answers (judge.ts): admitted and which entry, or why not. */
import { RejectReason } from '../../gen/cardgate/v1/gate.js';

export interface Admission {
  readonly admitted: true;
  /** The entry this admission takes: 1 for the first use. */
  readonly entry: number;
  /** Entries the ticket has left once this one is taken. */
  readonly entriesLeft: number;
}

/** A refusal with what a message needs to say more than the reason. */
export interface Rejection {
  readonly admitted: false;
  readonly reason: RejectReason;
  /** ALREADY_USED: when and at which gate the ticket was first used, if it was. */
  readonly firstUsedAt?: Date;
  readonly firstUsedGate?: string;
  /** NOT_YET_VALID and EXPIRED: the admission window (no start: from the moment of sale). */
  readonly validFrom?: Date;
  readonly validUntil?: Date;
  /** WRONG_GATE: the gates the ticket admits at. */
  readonly gateIds?: readonly string[];
}

export type AdmissionVerdict = Admission | Rejection;

const R = RejectReason;
const plain = (reason: RejectReason): Rejection => Object.freeze({ admitted: false, reason });

/** The refusals that carry nothing but their reason, made once. */
export const REFUSED = {
  unknownTicket: plain(R.REJECT_REASON_UNKNOWN_TICKET),
  wrongCard: plain(R.REJECT_REASON_WRONG_CARD),
  tampered: plain(R.REJECT_REASON_TAMPERED),
  buyerMismatch: plain(R.REJECT_REASON_BUYER_MISMATCH),
  cancelled: plain(R.REJECT_REASON_CANCELLED),
} as const;
