/**
 * Who may enter (SPEC §2 step 9): decides a presented ticket against what is
 * known of it — what was issued, its product's rules, its entries so far,
 * whether it was cancelled — with the clock as a parameter and no I/O, so the
 * center and a gate deciding off line (SPEC §9) decide alike. When several
 * reasons apply, the first in SPEC §3's order is the answer: UNKNOWN_TICKET,
 * WRONG_CARD, TAMPERED (a field), BUYER_MISMATCH, TAMPERED (the signature),
 * CANCELLED, NOT_YET_VALID / EXPIRED, WRONG_GATE, ALREADY_USED.
 *
 * Movements (SPEC §10): an entry after an exit, on a product that allows
 * re-entry, is a re-entry and uses no entry; any other entry uses one. An exit
 * is judged on who the ticket is (the checks up to the signature) and then
 * only on whether it is inside (NOT_INSIDE otherwise): a person may always
 * leave, also with a cancelled ticket, after admission closed, or through a
 * gate its product does not list.
 */
import type { KeyObject } from 'node:crypto';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { verifyCardTicket } from '../signature.js';
import { refusalByRules, type AdmissionRules } from './admission-rules.js';
import type { PresentedTicket } from './presented-ticket.js';
import { REFUSED, type AdmissionVerdict } from './verdict.js';

/** What the center issued, as it stored it. */
export interface IssuedRecord {
  readonly cardId: string;
  /** The encoded TicketInfo and BuyerIdentification (null: the order has none). */
  readonly info: Uint8Array;
  readonly buyerIdentification: Uint8Array | null;
  readonly signature: Uint8Array | null;
  readonly entriesAllowed: number;
}

/** The ticket's use so far, from its movements that were not annulled. */
export interface EntriesUsed {
  /** Entries that used one of the ticket's entries: neither annulled nor re-entries. */
  readonly entriesUsed: number;
  readonly firstUsedAt: Date | null;
  readonly firstUsedGate: string | null;
  /** The direction of its last movement that was not annulled; null: none (never through, or every one undone). */
  readonly lastMovement: 'entry' | 'exit' | null;
}

/** What the decider knows of the ticket with the presented id. */
export interface KnownTicket {
  /** Its product's rules. */
  readonly rules: AdmissionRules;
  readonly cancelled: boolean;
  readonly entries: EntriesUsed;
  /**
   * What the center issued, to compare with: the center has it, a gate off line does not. Without
   * it the signature alone vouches for the card id, the fields and the buyer (a copied card or an
   * edited field is then TAMPERED), and the entries allowed are the signed TicketInfo's.
   */
  readonly issued?: IssuedRecord;
}

/** True when the ticket's signature is the center's over its fields on this card. */
export type SignatureCheck = (cardTicket: CardTicket, cardId: string) => boolean;

/** The SignatureCheck for the center's public key. */
export const signatureCheck =
  (publicKey: KeyObject): SignatureCheck =>
  (cardTicket, cardId) =>
    verifyCardTicket(publicKey, cardTicket, cardId);

/** The verdict on `presented`; `ticket` null: no ticket with its id is known (issued, or of a product the decider knows). */
export function judgeAdmission(
  presented: PresentedTicket,
  ticket: KnownTicket | null,
  now: Date,
  verify: SignatureCheck,
): AdmissionVerdict {
  if (!ticket) return REFUSED.unknownTicket;
  const { issued } = ticket;
  if (issued) {
    if (issued.cardId !== presented.cardId) return REFUSED.wrongCard;
    if (!sameBytes(presented.info, issued.info)) return REFUSED.tampered;
    if (!issued.buyerIdentification || !sameBytes(presented.buyer, issued.buyerIdentification))
      return REFUSED.buyerMismatch;
  }
  if (!(issued && carriesStoredSignature(presented, issued)) && !verify(presented.cardTicket, presented.cardId))
    return REFUSED.tampered;
  const allowed = issued ? issued.entriesAllowed : (presented.cardTicket.ticket?.entriesAllowed ?? 0);
  const { entriesUsed, firstUsedAt, firstUsedGate, lastMovement } = ticket.entries;
  const left = Math.max(0, allowed - entriesUsed);
  if (presented.direction === 'exit') {
    if (lastMovement !== 'entry') return REFUSED.notInside;
    return { admitted: true, direction: 'exit', reentry: false, entry: entriesUsed, entriesLeft: left };
  }
  if (ticket.cancelled) return REFUSED.cancelled;
  const refusal = refusalByRules(ticket.rules, presented.gateId, now);
  if (refusal) return refusal;
  if (ticket.rules.allowReentry && lastMovement === 'exit') {
    return { admitted: true, direction: 'entry', reentry: true, entry: entriesUsed, entriesLeft: left };
  }
  if (entriesUsed >= allowed) {
    return {
      admitted: false,
      reason: RejectReason.REJECT_REASON_ALREADY_USED,
      firstUsedAt: firstUsedAt ?? undefined,
      firstUsedGate: firstUsedGate ?? undefined,
    };
  }
  return { admitted: true, direction: 'entry', reentry: false, entry: entriesUsed + 1, entriesLeft: left - 1 };
}

/**
 * By here the fields, buyer identification and card id are byte for byte what the
 * center signed, and Ed25519 signing is deterministic: the signature stored at issue
 * is the only one the center ever made for them. Comparing 64 bytes saves a
 * verification (the costliest step of a redemption); anything else is verified.
 */
function carriesStoredSignature({ cardTicket }: PresentedTicket, { signature }: IssuedRecord): boolean {
  return (
    signature !== null &&
    cardTicket.signature?.length === signature.length &&
    sameBytes(cardTicket.signature, signature)
  );
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;
