/**
 * How a pending sale ends without tickets. It runs in one short transaction
 * and starts with a conditional update of the order's state, so when a
 * purchase and the recovery sweeper (or two centers) race to end the same
 * sale, one wins and the other changes nothing.
 */
import type { EntityManager } from '@mikro-orm/core';
import { sqlOn } from '../db/orm-sql.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { ChargeEntity, type ChargeStateName } from './charge.entity.js';
import { OrderEntity } from './order.entity.js';
import { TicketEntity } from './ticket.entity.js';
import { giveSeatsBack } from './writes/stock.js';

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
