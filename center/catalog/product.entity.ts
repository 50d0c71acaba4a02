import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A ticket product: one event, its price and its stock. */
export const ProductEntity = defineEntity({
  name: 'Product',
  tableName: 'products',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    venue: p.string(),
    startsAt: p.datetime(),
    currencyCode: p.string().length(3),
    priceMinor: p.bigint('number'),
    capacity: p.integer(),
    // Seats still for sale; only ever changed by sales/writes/stock.ts, inside the write that reserves, refuses or cancels a sale or changes capacity.
    remaining: p.integer(),
    gateIds: p.json<string[]>(),
    salesCloseAt: p.datetime().nullable(),
    admissionOpensAt: p.datetime().nullable(),
    admissionClosesAt: p.datetime().nullable(),
    entriesPerTicket: p.integer().default(1),
    seating: p.string().default(''),
    venueNotes: p.text().default(''),
    entryInstructions: p.text().default(''),
    allowReentry: p.boolean().default(false),
    createdAt: p.datetime(),
  },
});

export type Product = InferEntity<typeof ProductEntity>;
