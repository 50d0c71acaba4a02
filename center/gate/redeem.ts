/**
 * RedeemTicket (SPEC §2 steps 8-9): compares the ticket read from the card
 * with what the center issued, cheapest checks first and in SPEC §3's order
 * of reasons, then records the entry with one conditional update. Of any
 * number of concurrent redemptions of one entry, exactly one can win.
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import { RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { BuyerIdentification, TicketInfo, type CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { verifyCardTicket } from '../../card/signature.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { admissionWindow } from '../catalog/product-message.js';
import { OrderEntity } from '../sales/order.entity.js';
import { TicketEntity, type Ticket } from '../sales/ticket.entity.js';
import type { SigningKey } from '../signing/signing-key.js';
import { RedemptionEntity } from './redemption.entity.js';
import { rejectMessage } from './reject-message.js';

export interface Presentation {
  readonly gateId: string;
  readonly cardId: string;
  readonly cardTicket: CardTicket;
  readonly dryRun: boolean;
}

const R = RejectReason;
/** How often a multi-entry ticket retries when another gate took an entry between read and update. */
const MAX_ATTEMPTS = 5;

export async function redeemTicket(em: EntityManager, key: SigningKey, presentation: Presentation, now: Date): Promise<RedeemTicketResponse> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const verdict = await judge(em, key, presentation, now);
    if (!verdict.admitted || presentation.dryRun) return verdict.response;
    if (await record(em, verdict.ticket, presentation, now)) {
      return { ...verdict.response, entriesLeft: verdict.ticket.entriesAllowed - verdict.ticket.entriesUsed - 1 };
    }
    em.clear(); // someone else took this entry: judge again on fresh rows
  }
  return reject(R.REJECT_REASON_ALREADY_USED, {});
}

type Verdict = { admitted: true; ticket: Ticket; response: RedeemTicketResponse } | { admitted: false; response: RedeemTicketResponse };

async function judge(em: EntityManager, key: SigningKey, { gateId, cardId, cardTicket }: Presentation, now: Date): Promise<Verdict> {
  const info = cardTicket.ticket!;
  const ticket = await em.findOne(TicketEntity, { id: info.ticketId, state: { $ne: 'pending' } });
  if (!ticket) return refuse(R.REJECT_REASON_UNKNOWN_TICKET);
  if (ticket.cardId !== cardId) return refuse(R.REJECT_REASON_WRONG_CARD);
  if (!Buffer.from(TicketInfo.encode(info).finish()).equals(ticket.info)) return refuse(R.REJECT_REASON_TAMPERED);
  const order = await em.findOneOrFail(OrderEntity, { id: ticket.orderId }, { fields: ['buyerIdentification'] });
  const buyer = cardTicket.buyerIdentification ?? BuyerIdentification.fromPartial({});
  if (!Buffer.from(BuyerIdentification.encode(buyer).finish()).equals(order.buyerIdentification!)) return refuse(R.REJECT_REASON_BUYER_MISMATCH);
  if (!verifyCardTicket(key.publicKey, cardTicket, cardId)) return refuse(R.REJECT_REASON_TAMPERED);
  if (ticket.state === 'cancelled') return refuse(R.REJECT_REASON_CANCELLED);

  const product = await em.findOneOrFail(ProductEntity, { id: ticket.productId });
  const window = admissionWindow(product);
  const validity = { validFrom: window.opensAt ?? undefined, validUntil: window.closesAt };
  if (window.opensAt && now < window.opensAt) return refuse(R.REJECT_REASON_NOT_YET_VALID, validity);
  if (now > window.closesAt) return refuse(R.REJECT_REASON_EXPIRED, validity);
  if (gateId && product.gateIds.length > 0 && !product.gateIds.includes(gateId)) return refuse(R.REJECT_REASON_WRONG_GATE, { gateIds: product.gateIds });
  if (ticket.entriesUsed >= ticket.entriesAllowed) {
    return refuse(R.REJECT_REASON_ALREADY_USED, { firstUsedAt: ticket.firstUsedAt ?? undefined, firstUsedGate: ticket.firstUsedGate ?? '' });
  }
  return {
    admitted: true,
    ticket,
    response: {
      admitted: true,
      reason: R.REJECT_REASON_UNSPECIFIED,
      message: `Welcome, ${buyer.buyerName}.`,
      firstUsedAt: ticket.firstUsedAt ?? undefined,
      firstUsedGate: ticket.firstUsedGate ?? '',
      entriesLeft: ticket.entriesAllowed - ticket.entriesUsed,
      ...validity,
    },
  };
}

/** Takes entry number entriesUsed+1 if nobody else has; the redemption row's unique key backs this up. */
async function record(em: EntityManager, ticket: Ticket, { gateId, cardId }: Presentation, now: Date): Promise<boolean> {
  return em.transactional(async (tx) => {
    const first = ticket.entriesUsed === 0;
    const taken = await tx.nativeUpdate(
      TicketEntity,
      { id: ticket.id, state: 'issued', entriesUsed: ticket.entriesUsed },
      { entriesUsed: raw('entries_used + 1'), ...(first ? { firstUsedAt: now, firstUsedGate: gateId } : {}) },
    );
    if (!taken) return false;
    await tx.insert(RedemptionEntity, {
      ticketId: ticket.id,
      entryNumber: ticket.entriesUsed + 1,
      productId: ticket.productId,
      orderId: ticket.orderId,
      gateId,
      cardId,
      redeemedAt: now,
    });
    return true;
  });
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
