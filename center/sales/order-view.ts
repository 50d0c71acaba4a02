/** API views of stored orders: the Purchase a kiosk writes to the card, and the Order operators and recovery see. */
import type { EntityManager } from '@mikro-orm/core';
import {
  OrderState,
  type Order as OrderMessage,
  type Purchase,
  type PurchaseTicketsResponse,
  type Unavailability,
} from '../../gen/cardgate/v1/sales.js';
import { AdditionalInfo, BuyerIdentification, TicketInfo, type CardTicket } from '../../gen/cardgate/v1/ticket.js';
import type { Order, OrderStateName } from './order.entity.js';
import { TicketEntity } from './ticket.entity.js';

const ORDER_STATE: Record<OrderStateName, OrderState> = {
  pending: OrderState.ORDER_STATE_PENDING,
  issued: OrderState.ORDER_STATE_ISSUED,
  unavailable: OrderState.ORDER_STATE_UNAVAILABLE,
  retryable: OrderState.ORDER_STATE_UNAVAILABLE,
  cancelled: OrderState.ORDER_STATE_CANCELLED,
};

export function orderStateOf(order: Order): OrderState {
  return ORDER_STATE[order.state];
}

/** The signed tickets of an order as they go onto the card, in ticket id order. */
export async function cardTicketsOf(em: EntityManager, order: Order): Promise<CardTicket[]> {
  if (!order.buyerIdentification) return [];
  const buyerIdentification = BuyerIdentification.decode(order.buyerIdentification);
  const tickets = await em.find(
    TicketEntity,
    { orderId: order.id, state: { $in: ['issued', 'cancelled'] } },
    { orderBy: { id: 'asc' } },
  );
  return tickets.map((ticket) => ({
    ticket: TicketInfo.decode(ticket.info),
    buyerIdentification,
    additionalInfo: AdditionalInfo.decode(ticket.additionalInfo),
    signature: Buffer.from(ticket.signature ?? []),
  }));
}

/** What a purchase and an order view share: the tickets, the buyer identification, the total and the card used. */
async function issuedParts(em: EntityManager, order: Order) {
  return {
    orderId: order.id,
    buyerIdentification: order.buyerIdentification ? BuyerIdentification.decode(order.buyerIdentification) : undefined,
    tickets: await cardTicketsOf(em, order),
    total: { currencyCode: order.currencyCode, amountMinor: order.totalMinor },
    cardBrand: order.cardBrand ?? '',
    cardLast4: order.cardLast4 ?? '',
  };
}

async function purchaseOf(em: EntityManager, order: Order): Promise<Purchase> {
  return { ...(await issuedParts(em, order)), authorizationCode: order.authorizationCode ?? '' };
}

function unavailabilityOf(order: Order): Unavailability {
  return {
    reason: order.unavailableReason ?? 0,
    message: order.unavailableMessage ?? '',
    productId: order.unavailableProductId ?? '',
  };
}

/** What an ended order's idempotency key is answered again: its tickets, or the refusal it recorded. */
export async function outcomeOf(em: EntityManager, order: Order): Promise<PurchaseTicketsResponse> {
  return order.state === 'issued' || order.state === 'cancelled'
    ? { purchase: await purchaseOf(em, order) }
    : { unavailable: unavailabilityOf(order) };
}

export async function orderMessageOf(em: EntityManager, order: Order): Promise<OrderMessage> {
  return {
    ...(await issuedParts(em, order)),
    state: orderStateOf(order),
    cardId: order.cardId,
    cancelledAt: order.cancelledAt ?? undefined,
  };
}
