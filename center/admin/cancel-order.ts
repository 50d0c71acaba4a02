/**
 * CancelOrder: the order's tickets reject as CANCELLED from the moment this
 * commits, their seats go back on sale, and the charge is reversed (retried
 * by the recovery sweeper until the charge terminal confirms).
 */
import { quoted } from '../../card/text.js';
import type { EntityManager } from '@mikro-orm/core';
import { sqlOn } from '../db/orm-sql.js';
import { DomainError, notFound } from '../domain-error.js';
import type { ChargeGateway } from '../sales/charge-gateway.js';
import { OrderEntity, type Order } from '../sales/order.entity.js';
import { cancelSale, confirmReversals } from '../sales/writes/cancel.js';

export async function cancelOrder(
  em: EntityManager,
  charge: ChargeGateway,
  orderId: string,
  now: Date,
): Promise<Order> {
  const order = await em.findOne(OrderEntity, { id: orderId });
  if (!order) throw notFound(`no order ${quoted(orderId)}`);
  if (order.state === 'cancelled') return order;
  if (order.state !== 'issued')
    throw new DomainError('CONFLICT', `only issued orders can be cancelled; this one is ${order.state}`);

  const approved = await em.transactional((tx) => cancelSale(sqlOn(tx), orderId, order.lines, now));
  const reversed: string[] = [];
  for (const chargeId of approved) {
    const result = await charge.reverse(chargeId, `order ${orderId} cancelled`);
    if (result.reached) reversed.push(chargeId);
  }
  await confirmReversals(sqlOn(em), reversed, now);
  return em.fork().findOneOrFail(OrderEntity, { id: orderId });
}
