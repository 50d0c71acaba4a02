/**
 * ListRefusals: the failed-scan log (`gate_events` of kind `refused`, written
 * by admission/refusal-log.ts), newest first, with the event's name and the
 * buyer's where the card named a product and ticket the center knows.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { ListRefusalsRequest, Refusal } from '../../gen/cardgate/v1/admin.js';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import { GateEventEntity } from '../admission/gate-event.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { OrderEntity } from '../sales/order.entity.js';
import { TicketEntity } from '../sales/ticket.entity.js';

/** The enum value of a stored reason name (ALREADY_USED → REJECT_REASON_ALREADY_USED). */
const reasonOf = (name: string): RejectReason =>
  RejectReason[`REJECT_REASON_${name}` as keyof typeof RejectReason] ?? RejectReason.REJECT_REASON_UNSPECIFIED;

export async function listRefusals(
  em: EntityManager,
  request: ListRefusalsRequest,
  limit: number,
  offset: number,
): Promise<Refusal[]> {
  const events = await em.find(
    GateEventEntity,
    {
      kind: 'refused',
      ...(request.productId ? { productId: request.productId } : {}),
      ...(request.gateId ? { gateId: request.gateId } : {}),
    },
    { orderBy: { at: 'desc', id: 'desc' }, limit, offset },
  );
  const products = await em.find(
    ProductEntity,
    { id: { $in: [...new Set(events.map((e) => e.productId))] } },
    { fields: ['id', 'name'] },
  );
  const tickets = await em.find(
    TicketEntity,
    { id: { $in: [...new Set(events.map((e) => e.ticketId))] } },
    { fields: ['id', 'orderId'] },
  );
  const orders = await em.find(
    OrderEntity,
    { id: { $in: [...new Set(tickets.map((t) => t.orderId))] } },
    { fields: ['id', 'buyerName'] },
  );
  const productName = new Map(products.map((p) => [p.id, p.name]));
  const orderOf = new Map(tickets.map((t) => [t.id, t.orderId]));
  const buyerOf = new Map(orders.map((o) => [o.id, o.buyerName]));
  return events.map((event) => {
    const orderId = orderOf.get(event.ticketId) ?? '';
    return {
      at: event.at,
      gateId: event.gateId,
      ticketId: event.ticketId,
      productId: event.productId,
      cardId: event.cardId,
      reason: reasonOf(event.reason),
      direction: event.direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
      offline: event.offline,
      productName: productName.get(event.productId) ?? '',
      orderId,
      buyerName: buyerOf.get(orderId) ?? '',
    };
  });
}
