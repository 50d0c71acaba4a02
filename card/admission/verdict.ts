/** What the judge answers (judge.ts): admitted and which entry, or why not. */
import { RejectReason } from '../../gen/cardgate/v1/gate.js';

export interface Admission {
  readonly admitted: true;
  readonly direction: 'entry' | 'exit';
  /** An entry after an exit on a product that allows re-entry: it uses no entry. */
  readonly reentry: boolean;
  /** Which of the ticket's entries it is on once this movement is made: 1 after its first entry (an exit or a re-entry stays on the last). */
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
  notInside: plain(R.REJECT_REASON_NOT_INSIDE),
} as const;
