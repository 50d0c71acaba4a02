/**
 * ListOrders: the operator's view of orders, newest first, filtered in the
 * database (product, part of the buyer's name, e-mail, card, state, ids),
 * each with its event names, its ticket count and, for a cancelled one, the
 * reason the operator gave (from the audit of the cancellation).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { ListOrdersRequest, OrderSummary } from '../../gen/cardgate/v1/admin.js';
import { OrderState } from '../../gen/cardgate/v1/sales.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { sqlOn } from '../db/orm-sql.js';
import { jsonText } from '../db/raw-sql.js';
import { OrderEntity, type Order, type OrderStateName } from '../sales/order.entity.js';
import { orderStateOf } from '../sales/order-view.js';
import { TicketEntity } from '../sales/ticket.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';

const STATES: Partial<Record<OrderState, readonly OrderStateName[]>> = {
  [OrderState.ORDER_STATE_PENDING]: ['pending'],
  [OrderState.ORDER_STATE_ISSUED]: ['issued'],
  [OrderState.ORDER_STATE_UNAVAILABLE]: ['unavailable', 'retryable'],
  [OrderState.ORDER_STATE_CANCELLED]: ['cancelled'],
};

/** `text` as a LIKE pattern matching itself anywhere (with `escape '\'`). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export async function listOrders(
  em: EntityManager,
  request: ListOrdersRequest,
  limit: number,
  offset: number,
): Promise<OrderSummary[]> {
  const sql = sqlOn(em);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  // Lines are JSON; a product id is a token that only a productId value can hold, quotes included.
  if (request.productId) add(`${jsonText(sql, 'lines')} like ? escape '\\'`, containing(`"${request.productId}"`));
  if (request.buyerName) add(`lower(buyer_name) like lower(?) escape '\\'`, containing(request.buyerName));
  if (request.email) add(`lower(buyer_email) = lower(?)`, request.email);
  if (request.cardId) add(`card_id = ?`, request.cardId.toUpperCase());
  const states = STATES[request.state];
  if (states) add(`state in (${list(states.length)})`, ...states);
  if (request.orderIds.length > 0) add(`id in (${list(request.orderIds.length)})`, ...request.orderIds);
  const rows = await sql.all<{ id: string }>(
    `select id from orders ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ordered_at desc, id desc limit ? offset ?`,
    [...params, limit, offset],
  );
  const ids = rows.map((row) => row.id);
  const orders = await em.find(OrderEntity, { id: { $in: ids } });
  const byId = new Map(orders.map((order) => [order.id, order]));
  const ordered = ids.map((id) => byId.get(id)!).filter(Boolean);
  return summaries(em, ordered);
}

async function summaries(em: EntityManager, orders: readonly Order[]): Promise<OrderSummary[]> {
  const ids = orders.map((order) => order.id);
  const counts = new Map<string, number>();
  for (const ticket of await em.find(TicketEntity, { orderId: { $in: ids } }, { fields: ['orderId'] }))
    counts.set(ticket.orderId, (counts.get(ticket.orderId) ?? 0) + 1);
  const productIds = [...new Set(orders.flatMap((order) => order.lines.map((line) => line.productId)))];
  const names = new Map(
    (await em.find(ProductEntity, { id: { $in: productIds } }, { fields: ['id', 'name'] })).map((p) => [p.id, p.name]),
  );
  const cancelled = orders.filter((order) => order.state === 'cancelled').map((order) => order.id);
  const reasons = new Map(
    (
      await em.find(
        AuditEventEntity,
        { action: 'order.cancel', subject: { $in: cancelled } },
        { orderBy: { id: 'asc' } },
      )
    ).map((event) => [event.subject, event.detail]),
  );
  return orders.map((order) => ({
    orderId: order.id,
    state: orderStateOf(order),
    buyerName: order.buyerName,
    total: { currencyCode: order.currencyCode, amountMinor: order.totalMinor },
    ticketCount: counts.get(order.id) ?? 0,
    orderedAt: order.orderedAt,
    unavailabilityReason: order.unavailableReason ?? 0,
    email: order.buyerEmail,
    cardId: order.cardId,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      productName: names.get(line.productId) ?? '',
      quantity: line.quantity,
    })),
    cancelledAt: order.cancelledAt ?? undefined,
    cancelReason: reasons.get(order.id) ?? '',
  }));
}
