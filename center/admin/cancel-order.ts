/**
 * CancelOrder: the order's tickets reject as CANCELLED from the moment this
 * commits, their seats go back on sale, and the charge is reversed (retried
 * by the recovery sweeper until the charge terminal confirms).
 */
import type { EntityManager } from '@mikro-orm/core';
import { sqlOn } from '../db/orm-sql.js';
import { DomainError, notFound } from '../domain-error.js';
import { ChargeEntity } from '../sales/charge.entity.js';
import type { ChargeGateway } from '../sales/charge-gateway.js';
import { OrderEntity, type Order } from '../sales/order.entity.js';
import { TicketEntity } from '../sales/ticket.entity.js';
import { giveSeatsBack } from '../sales/writes/stock.js';

export async function cancelOrder(em: EntityManager, charge: ChargeGateway, orderId: string, now: Date): Promise<Order> {
  const order = await em.findOne(OrderEntity, { id: orderId });
  if (!order) throw notFound(`no order "${orderId}"`);
  if (order.state === 'cancelled') return order;
  if (order.state !== 'issued') throw new DomainError('CONFLICT', `only issued orders can be cancelled; this one is ${order.state}`);

  const approved = await em.transactional(async (tx) => {
    const won = await tx.nativeUpdate(OrderEntity, { id: orderId, state: 'issued' }, { state: 'cancelled', cancelledAt: now });
    if (!won) return [];
    await tx.nativeUpdate(TicketEntity, { orderId, state: 'issued' }, { state: 'cancelled' });
    await giveSeatsBack(sqlOn(tx), order.lines);
    const charges = await tx.find(ChargeEntity, { orderId, state: 'approved' });
    await tx.nativeUpdate(ChargeEntity, { orderId, state: 'approved' }, { state: 'reverse_pending', updatedAt: now });
    return charges.map((c) => c.id);
  });
  for (const chargeId of approved) {
    const result = await charge.reverse(chargeId, `order ${orderId} cancelled`);
    if (result.reached) await em.nativeUpdate(ChargeEntity, { id: chargeId, state: 'reverse_pending' }, { state: 'reversed', updatedAt: now });
  }
  return em.fork().findOneOrFail(OrderEntity, { id: orderId });
}
