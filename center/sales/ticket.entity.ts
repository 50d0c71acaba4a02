import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** pending: reserved, not yet paid (unknown to gates). issued: valid. cancelled: order cancelled. */
export const TICKET_STATES = ['pending', 'issued', 'cancelled'] as const;
export type TicketStateName = (typeof TICKET_STATES)[number];

/** One issued admission. The encoded messages are what the card must carry, byte for byte. */
export const TicketEntity = defineEntity({
  name: 'Ticket',
  tableName: 'tickets',
  properties: {
    id: p.string().primary(),
    orderId: p.string().index(),
    productId: p.string().index(),
    cardId: p.string(),
    state: p.string().$type<TicketStateName>(),
    // Encoded TicketInfo and AdditionalInfo as issued.
    info: p.blob(),
    additionalInfo: p.blob(),
    signature: p.blob().nullable(),
    // How many times it admits; each admission is a row of `redemptions` (admission/entry-writer.ts).
    entriesAllowed: p.integer(),
  },
});

export type Ticket = InferEntity<typeof TicketEntity>;
