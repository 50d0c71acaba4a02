import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One admission through a gate. (ticket, entry number) is unique: a second admit for the same entry cannot be stored. */
export const RedemptionEntity = defineEntity({
  name: 'Redemption',
  tableName: 'redemptions',
  properties: {
    id: p.integer().primary().autoincrement(),
    ticketId: p.string(),
    entryNumber: p.integer(),
    productId: p.string().index(),
    orderId: p.string(),
    gateId: p.string(),
    cardId: p.string(),
    redeemedAt: p.datetime(),
  },
  uniques: [{ properties: ['ticketId', 'entryNumber'] }],
});

export type Redemption = InferEntity<typeof RedemptionEntity>;
