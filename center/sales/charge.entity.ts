import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * requested: sent (or about to be) to the charge terminal. approved / declined: its answer.
 * reverse_pending: must be reversed (or voided) and the terminal has not confirmed yet;
 * a sweeper retries until it does. reversed: undone.
 */
export const CHARGE_STATES = ['requested', 'approved', 'declined', 'reverse_pending', 'reversed'] as const;
export type ChargeStateName = (typeof CHARGE_STATES)[number];

/** One charge attempt of an order. Never holds the card number or CVC. */
export const ChargeEntity = defineEntity({
  name: 'Charge',
  tableName: 'charges',
  properties: {
    id: p.string().primary(),
    orderId: p.string().index(),
    state: p.string().$type<ChargeStateName>().index(),
    currencyCode: p.string().length(3),
    amountMinor: p.bigint('number'),
    cardBrand: p.string().nullable(),
    cardLast4: p.string().nullable(),
    authorizationCode: p.string().nullable(),
    declineReason: p.integer().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type Charge = InferEntity<typeof ChargeEntity>;
