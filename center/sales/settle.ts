/**
 * The ways a pending sale ends. Each runs in one short transaction and starts
 * with a conditional update of the order's state, so when a purchase and the
 * recovery sweeper (or two centers) race to end the same sale, one wins and
 * the other changes nothing.
 */
import type { EntityManager } from '@mikro-orm/core';
import { sqlOn } from '../db/orm-sql.js';
import { BuyerIdentification, TicketInfo } from '../../gen/cardgate/v1/ticket.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { signTicket } from '../../card/signature.js';
import type { SigningKey } from '../signing/signing-key.js';
import { ChargeEntity, type ChargeStateName } from './charge.entity.js';
import { OrderEntity } from './order.entity.js';
import { TicketEntity } from './ticket.entity.js';
import { giveSeatsBack } from './writes/stock.js';

export interface Approval {
  readonly chargeId: string;
  readonly authorizationCode: string;
  readonly cardBrand: string;
  readonly cardLast4: string;
}

/** Approved: signs and issues the tickets. False when the sale had already ended otherwise. */
export async function issueOrder(em: EntityManager, orderId: string, approval: Approval, key: SigningKey, now: Date): Promise<boolean> {
  return em.transactional(async (tx) => {
    const won = await tx.nativeUpdate(
      OrderEntity,
      { id: orderId, state: 'pending' },
      { state: 'issued', authorizationCode: approval.authorizationCode, cardBrand: approval.cardBrand, cardLast4: approval.cardLast4 },
    );
    if (!won) return false;
    const order = await tx.findOneOrFail(OrderEntity, { id: orderId });
    const buyer = BuyerIdentification.decode(order.buyerIdentification!);
    const tickets = await tx.find(TicketEntity, { orderId, state: 'pending' });
    for (const ticket of tickets) {
      ticket.signature = signTicket(key.privateKey, TicketInfo.decode(ticket.info), buyer, order.cardId);
      ticket.state = 'issued';
    }
    await tx.nativeUpdate(
      ChargeEntity,
      { id: approval.chargeId },
      { state: 'approved', authorizationCode: approval.authorizationCode, cardBrand: approval.cardBrand, cardLast4: approval.cardLast4, updatedAt: now },
    );
    return true;
  });
}

export interface Refusal {
  readonly reason: UnavailabilityReason;
  readonly message: string;
  readonly productId?: string;
}

/**
 * Not sold: gives the seats back and drops the unsigned tickets. A decline is
 * recorded (replayed to the same idempotency key); PAYMENT_UNAVAILABLE leaves
 * the order retryable, as SPEC §3 asks.
 */
export async function refuseOrder(em: EntityManager, orderId: string, refusal: Refusal, charge: { id: string; state: ChargeStateName }, now: Date): Promise<boolean> {
  const retryable = refusal.reason === UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE;
  return em.transactional(async (tx) => {
    const won = await tx.nativeUpdate(
      OrderEntity,
      { id: orderId, state: 'pending' },
      {
        state: retryable ? 'retryable' : 'unavailable',
        unavailableReason: refusal.reason,
        unavailableMessage: refusal.message,
        unavailableProductId: refusal.productId ?? null,
      },
    );
    if (!won) return false;
    const order = await tx.findOneOrFail(OrderEntity, { id: orderId });
    await giveSeatsBack(sqlOn(tx), order.lines);
    await tx.nativeDelete(TicketEntity, { orderId, state: 'pending' });
    await tx.nativeUpdate(ChargeEntity, { id: charge.id }, { state: charge.state, updatedAt: now });
    return true;
  });
}
