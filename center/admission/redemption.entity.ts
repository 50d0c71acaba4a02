import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const DIRECTIONS = ['entry', 'exit'] as const;
export type DirectionName = (typeof DIRECTIONS)[number];

/**
 * One movement of a ticket through a gate: an entry or an exit. Rows are never deleted; a gate's
 * undo (annul.ts) sets annulled_at. entry_number numbers a ticket's movements 1, 2, 3, … (annulled
 * ones included), and (ticket, entry number) is unique: of concurrent movements of one ticket, in
 * this center or another on the same database, only one can take the next number.
 */
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
    direction: p.string().$type<DirectionName>().default('entry'),
    // An entry after an exit on a product that allows re-entry: it uses no entry.
    reentry: p.boolean().default(false),
    annulledAt: p.datetime().nullable(),
    // Decided by a gate off line and uploaded later (offline-sync.ts): redeemed_at is the gate's time.
    offline: p.boolean().default(false),
    // Off line: one too many for its ticket (entries used up, cancelled, unknown): recorded all the same.
    conflict: p.boolean().default(false),
  },
  uniques: [{ properties: ['ticketId', 'entryNumber'] }],
});

export type Redemption = InferEntity<typeof RedemptionEntity>;
