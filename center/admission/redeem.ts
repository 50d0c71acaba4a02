/**
 * RedeemTicket (SPEC §2 steps 8-9): compares the ticket read from the card
 * with what the center issued and records the entry. A ticket that is exactly
 * what was issued, with an entry left, is admitted by one INSERT that checks
 * all of that itself (exact-admit.ts); any other presentation is judged the
 * long way, cheapest checks first and in SPEC §3's order of reasons, which
 * finds the reason to reject or retakes an entry lost to another gate. Of any
 * number of concurrent redemptions of one entry, exactly one can win.
 */
import { RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { BuyerIdentification, TicketInfo, type CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { verifyCardTicket } from '../../card/signature.js';
import { admissionWindow } from '../catalog/product-message.js';
import type { SigningKey } from '../signing/signing-key.js';
import { stageTimer, type HandlerTimings } from '../timings/handler-timings.js';
import type { EntryWriter } from './entry-writer.js';
import type { ExactAdmit } from './exact-admit.js';
import type { Product } from '../catalog/product.entity.js';
import type { ProductCache } from '../catalog/product-cache.js';
import type { PresentedTicket, TicketReader } from './presented-ticket.js';
import { rejectMessage } from './reject-message.js';

export interface Presentation {
  readonly gateId: string;
  readonly cardId: string;
  readonly cardTicket: CardTicket;
  readonly dryRun: boolean;
}

/** What redemption needs from the running center. */
export interface GateDeps {
  readonly key: SigningKey;
  readonly tickets: TicketReader;
  readonly products: ProductCache;
  readonly entries: EntryWriter;
  readonly exact: ExactAdmit;
  readonly timings?: HandlerTimings;
}

const R = RejectReason;
/** How often a multi-entry ticket retries when another gate took an entry between read and update. */
const MAX_ATTEMPTS = 5;

export async function redeemTicket(deps: GateDeps, presentation: Presentation, now: Date): Promise<RedeemTicketResponse> {
  const stage = stageTimer(presentation.dryRun ? undefined : deps.timings, 'RedeemTicket');
  const bytes = encodedBytes(presentation.cardTicket);
  // What the exact admission read, for the judge's first attempt (undefined: read it).
  let read: PresentedTicket | null | undefined;
  if (!presentation.dryRun) {
    const exact = await admitExact(deps, presentation, bytes, now);
    stage('admit');
    if (exact && 'admitted' in exact) return exact;
    read = exact?.ticket;
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const verdict = await judge(deps, presentation, bytes, now, attempt === 0 ? read : undefined);
    stage('judge');
    if (!verdict.admitted || presentation.dryRun) return verdict.response;
    const { ticket } = verdict;
    const won = await deps.entries.take({
      ticketId: ticket.id, seenEntriesUsed: ticket.entriesUsed, productId: ticket.productId, orderId: ticket.orderId,
      gateId: presentation.gateId, cardId: presentation.cardId, at: now,
    });
    stage('record');
    if (won) return { ...verdict.response, entriesLeft: ticket.entriesAllowed - ticket.entriesUsed - 1 };
    // someone else took this entry: judge again on the fresh row
  }
  return reject(R.REJECT_REASON_ALREADY_USED, {});
}

/**
 * The answer when the presentation is exactly an issued ticket with an entry left, recorded;
 * otherwise the ticket as read alongside, or undefined when no admission was tried.
 */
async function admitExact(
  deps: GateDeps,
  { gateId, cardId, cardTicket }: Presentation,
  { buyer, info: infoBytes, buyerBytes }: EncodedBytes,
  now: Date,
): Promise<RedeemTicketResponse | { ticket: PresentedTicket | null | undefined } | undefined> {
  const info = cardTicket.ticket!;
  const product = await deps.products.find(info.productId);
  if (!product || !cardTicket.signature?.length || productRefusal(product, gateId, now)) return undefined;
  const outcome = await deps.exact.admit({ ticketId: info.ticketId, cardId, gateId, at: now, signature: Buffer.from(cardTicket.signature), info: infoBytes, buyer: buyerBytes });
  if (outcome.entry === null) return { ticket: outcome.ticket };
  // A later entry of a multi-entry ticket also says when it was first used.
  const firstUse = outcome.entry > 1 ? await deps.tickets.read(info.ticketId) : null;
  return admittedResponse(buyer, product, firstUse, info.entriesAllowed - outcome.entry);
}

/** Why the product does not admit at this gate at this time, in SPEC §3's order; undefined when it does. */
function productRefusal(product: Product, gateId: string, now: Date): Verdict | undefined {
  const window = admissionWindow(product);
  const validity = { validFrom: window.opensAt ?? undefined, validUntil: window.closesAt };
  if (window.opensAt && now < window.opensAt) return refuse(R.REJECT_REASON_NOT_YET_VALID, validity);
  if (now > window.closesAt) return refuse(R.REJECT_REASON_EXPIRED, validity);
  if (gateId && product.gateIds.length > 0 && !product.gateIds.includes(gateId)) return refuse(R.REJECT_REASON_WRONG_GATE, { gateIds: product.gateIds });
  return undefined;
}

function admittedResponse(
  buyer: BuyerIdentification,
  product: Product,
  firstUse: Pick<PresentedTicket, 'firstUsedAt' | 'firstUsedGate'> | null,
  entriesLeft: number,
): RedeemTicketResponse {
  const window = admissionWindow(product);
  return {
    admitted: true,
    reason: R.REJECT_REASON_UNSPECIFIED,
    message: `Welcome, ${buyer.buyerName}.`,
    firstUsedAt: firstUse?.firstUsedAt ?? undefined,
    firstUsedGate: firstUse?.firstUsedGate ?? '',
    entriesLeft,
    validFrom: window.opensAt ?? undefined,
    validUntil: window.closesAt,
  };
}

type Verdict = { admitted: true; ticket: PresentedTicket; response: RedeemTicketResponse } | { admitted: false; response: RedeemTicketResponse };

/** The card's TicketInfo and BuyerIdentification as the center stored them at issue: compared byte for byte. */
interface EncodedBytes {
  readonly info: Buffer;
  readonly buyer: BuyerIdentification;
  readonly buyerBytes: Buffer;
}

function encodedBytes(cardTicket: CardTicket): EncodedBytes {
  const buyer = cardTicket.buyerIdentification ?? BuyerIdentification.fromPartial({});
  return { info: Buffer.from(TicketInfo.encode(cardTicket.ticket!).finish()), buyer, buyerBytes: Buffer.from(BuyerIdentification.encode(buyer).finish()) };
}

/** `read`: the ticket row if already read for this presentation. */
async function judge(deps: GateDeps, { gateId, cardId, cardTicket }: Presentation, { info, buyer, buyerBytes }: EncodedBytes, now: Date, read?: PresentedTicket | null): Promise<Verdict> {
  const ticket = read !== undefined ? read : await deps.tickets.read(cardTicket.ticket!.ticketId);
  if (!ticket) return refuse(R.REJECT_REASON_UNKNOWN_TICKET);
  if (ticket.cardId !== cardId) return refuse(R.REJECT_REASON_WRONG_CARD);
  if (!info.equals(ticket.info)) return refuse(R.REJECT_REASON_TAMPERED);
  if (!ticket.buyerIdentification || !buyerBytes.equals(ticket.buyerIdentification)) return refuse(R.REJECT_REASON_BUYER_MISMATCH);
  if (!signatureHolds(deps.key, ticket, cardTicket, cardId)) return refuse(R.REJECT_REASON_TAMPERED);
  if (ticket.state === 'cancelled') return refuse(R.REJECT_REASON_CANCELLED);

  const product = await deps.products.get(ticket.productId);
  const refusal = productRefusal(product, gateId, now);
  if (refusal) return refusal;
  if (ticket.entriesUsed >= ticket.entriesAllowed) {
    return refuse(R.REJECT_REASON_ALREADY_USED, { firstUsedAt: ticket.firstUsedAt ?? undefined, firstUsedGate: ticket.firstUsedGate ?? '' });
  }
  return { admitted: true, ticket, response: admittedResponse(buyer, product, ticket, ticket.entriesAllowed - ticket.entriesUsed) };
}

/**
 * By here the ticket fields, buyer identification and card id are byte for byte what
 * the center signed, and Ed25519 signing is deterministic: the signature stored at issue
 * is the only one the center ever made for them. Comparing 64 bytes saves a verification
 * (the costliest step of a redemption); anything else is verified as before.
 */
function signatureHolds(key: SigningKey, ticket: PresentedTicket, cardTicket: CardTicket, cardId: string): boolean {
  if (ticket.signature && cardTicket.signature?.length === ticket.signature.length && Buffer.from(cardTicket.signature).equals(ticket.signature)) return true;
  return verifyCardTicket(key.publicKey, cardTicket, cardId);
}

type Detail = Parameters<typeof rejectMessage>[1] & Partial<RedeemTicketResponse>;

function reject(reason: RejectReason, detail: Detail = {}): RedeemTicketResponse {
  return {
    admitted: false,
    reason,
    message: rejectMessage(reason, detail),
    firstUsedAt: detail.firstUsedAt,
    firstUsedGate: detail.firstUsedGate ?? '',
    entriesLeft: 0,
    validFrom: detail.validFrom,
    validUntil: detail.validUntil,
  };
}

function refuse(reason: RejectReason, detail: Detail = {}): Verdict {
  return { admitted: false, response: reject(reason, detail) };
}
