import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * pending: stock reserved, charge in flight. issued: paid, tickets signed.
 * unavailable: a recorded refusal (replayed for the same idempotency key).
 * retryable: payment was unavailable; not replayed, the same key may try again.
 * cancelled: cancelled by an operator after issue.
 */
export const ORDER_STATES = ['pending', 'issued', 'unavailable', 'retryable', 'cancelled'] as const;
export type OrderStateName = (typeof ORDER_STATES)[number];

export interface OrderLine {
  productId: string;
  quantity: number;
}

/** One purchase attempt per idempotency key, with the buyer identification it issued. */
export const OrderEntity = defineEntity({
  name: 'Order',
  tableName: 'orders',
  properties: {
    id: p.string().primary(),
    idempotencyKey: p.string().unique(),
    // Hash of what the request asked for, to refuse a key reused for another request.
    fingerprint: p.string(),
    state: p.string().$type<OrderStateName>(),
    cardId: p.string(),
    buyerName: p.string(),
    buyerEmail: p.string().default(''),
    lines: p.json<OrderLine[]>(),
    currencyCode: p.string().length(3),
    totalMinor: p.bigint('number'),
    // Encoded BuyerIdentification exactly as written to the card.
    buyerIdentification: p.blob().nullable(),
    orderedAt: p.datetime(),
    reservedAt: p.datetime().nullable(),
    unavailableReason: p.integer().nullable(),
    unavailableMessage: p.string().nullable(),
    unavailableProductId: p.string().nullable(),
    cardBrand: p.string().nullable(),
    cardLast4: p.string().nullable(),
    authorizationCode: p.string().nullable(),
    cancelledAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['state', 'reservedAt'] }],
});

export type Order = InferEntity<typeof OrderEntity>;
