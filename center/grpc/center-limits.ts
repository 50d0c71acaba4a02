/**
 * The limits of every field a client sends the center (request-limits.ts
 * checks them as requests are decoded). Names match the .proto's fields; a
 * name means the same in every message. Lengths are in UTF-16 code units, as
 * JavaScript counts them; the card's capacity, not these, bounds what fits on
 * a card.
 */
import type { FieldRule, RequestLimits } from './request-limits.js';

const id = (max = 64): FieldRule => ({ kind: 'token', max });
const text = (max: number): FieldRule => ({ kind: 'text', max });

export const CENTER_LIMITS: RequestLimits = {
  strings: {
    productId: id(),
    productIds: id(),
    orderId: id(),
    ticketId: id(),
    gateId: id(),
    gateIds: id(),
    idempotencyKey: id(128),
    // An off-line gate's journal entry id (e.g. a UUID) and the manifest version it holds.
    entryId: id(),
    knownVersion: id(),
    cardId: {
      kind: 'pattern',
      pattern: /^(?:[0-9A-F]{2}){4,10}$/,
      says: "the card's UID in upper-case hex (4 to 10 bytes, e.g. 04A1B2C3D4E5F6)",
    },
    name: text(80),
    email: text(254),
    venue: text(120),
    seating: text(80),
    venueNotes: text(500),
    entryInstructions: text(500),
    reason: text(200),
    currencyCode: { kind: 'pattern', pattern: /^[A-Z]{3}$/, says: 'an ISO 4217 code such as EUR' },
    number: { kind: 'pattern', pattern: /^[0-9 -]{0,32}$/, says: 'digits, spaces and dashes only' },
    cvc: { kind: 'pattern', pattern: /^[0-9]{0,4}$/, says: '3 or 4 digits' },
  },
  lists: {
    items: 20,
    gateIds: 64,
    productIds: 100,
    // A 4K card's worth of tickets.
    tickets: 64,
    // One SyncOfflineAdmissions call: a gate uploads a longer journal in several.
    admissions: 100,
  },
  cardData: new Set(['ticket', 'tickets']),
};
