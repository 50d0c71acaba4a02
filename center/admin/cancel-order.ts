/**
 * CancelOrder: the order's tickets reject as CANCELLED from the moment this
 * commits, the seats of tickets nobody used go back on sale, and the charge
 * is reversed (retried by the recovery sweeper until the charge terminal
 * confirms). An order with a ticket already admitted is refused unless the
 * operator forces it; even then those seats stay sold. Cancelling an order
 * again changes nothing and says so.
 */
import { quoted } from '../../card/text.js';
import type { EntityManager } from '@mikro-orm/core';
import { sqlOn } from '../db/orm-sql.js';
import { DomainError, notFound } from '../domain-error.js';
import type { ChargeGateway } from '../sales/charge-gateway.js';
import { OrderEntity, type Order } from '../sales/order.entity.js';
import { cancelSale, confirmReversals, type CancelOutcome, type UsedTicket } from '../sales/writes/cancel.js';
import { audit, type Actor } from './audit.js';

export interface Cancellation {
  readonly order: Order;
  /** It had been cancelled before: this call changed nothing. */
  readonly alreadyCancelled: boolean;
  /** Tickets admitted before the cancellation; their seats stay sold. */
  readonly usedTickets: number;
}

/** Thrown inside the transaction so that it rolls back: the order had used tickets and no `force`. */
class UsedTicketsRefusal extends Error {
  constructor(readonly used: readonly UsedTicket[]) {
    super('used tickets');
  }
}

function refusalOf(orderId: string, used: readonly UsedTicket[]): DomainError {
  const list = used.map((ticket) => `${ticket.ticketId} (gate ${ticket.gateId})`).join(', ');
  const what = used.length === 1 ? 'ticket was' : `${used.length} tickets were`;
  return new DomainError(
    'CONFLICT',
    `order ${orderId} was not cancelled: its ${what} already admitted: ${list}. ` +
      'Set force (cardgate admin cancel-order --force) to cancel and refund anyway; used seats are never sold again.',
  );
}

/** The audit's detail: the reason given, and what a forced cancellation kept sold. */
function cancelDetail(reason: string, used: number): string {
  const kept = used > 0 ? `forced: ${used} admitted ticket${used === 1 ? '' : 's'} kept sold` : '';
  return [reason.trim(), kept].filter(Boolean).join('; ');
}

export async function cancelOrder(
  em: EntityManager,
  charge: ChargeGateway,
  orderId: string,
  now: Date,
  options: { readonly force?: boolean; readonly actor?: Actor; readonly reason?: string } = {},
): Promise<Cancellation> {
  const order = await em.findOne(OrderEntity, { id: orderId });
  if (!order) throw notFound(`no order ${quoted(orderId)}`);
  const already = (): Promise<Cancellation> =>
    em
      .fork()
      .findOneOrFail(OrderEntity, { id: orderId })
      .then((latest) => ({ order: latest, alreadyCancelled: true, usedTickets: 0 }));
  if (order.state === 'cancelled') return already();
  if (order.state !== 'issued')
    throw new DomainError('CONFLICT', `only issued orders can be cancelled; this one is ${order.state}`);

  let outcome: CancelOutcome;
  try {
    outcome = await em.transactional(async (tx) => {
      const ended = await cancelSale(sqlOn(tx), orderId, order.lines, now, options.force);
      if (ended.kind === 'used') throw new UsedTicketsRefusal(ended.used);
      if (ended.kind === 'cancelled' && options.actor !== undefined)
        audit(tx, options.actor, 'order.cancel', orderId, now, cancelDetail(options.reason ?? '', ended.used.length));
      return ended;
    });
  } catch (error) {
    if (error instanceof UsedTicketsRefusal) throw refusalOf(orderId, error.used);
    throw error;
  }
  if (outcome.kind !== 'cancelled') return already();

  const reversed: string[] = [];
  for (const chargeId of outcome.charges) {
    const result = await charge.reverse(chargeId, `order ${orderId} cancelled`);
    if (result.reached) reversed.push(chargeId);
  }
  await confirmReversals(sqlOn(em), reversed, now);
  const cancelled = await em.fork().findOneOrFail(OrderEntity, { id: orderId });
  return { order: cancelled, alreadyCancelled: false, usedTickets: outcome.used.length };
}
