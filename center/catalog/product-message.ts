import type { Product as ProductMessage } from '../../gen/cardgate/v1/catalog.js';
import type { Product } from './product.entity.js';

/** The API view of a product row. */
export function toProductMessage(product: Product): ProductMessage {
  return {
    id: product.id,
    name: product.name,
    venue: product.venue,
    startsAt: product.startsAt,
    price: { currencyCode: product.currencyCode, amountMinor: product.priceMinor },
    capacity: product.capacity,
    remaining: product.remaining,
    gateIds: product.gateIds,
    salesCloseAt: product.salesCloseAt ?? undefined,
    admissionOpensAt: product.admissionOpensAt ?? undefined,
    admissionClosesAt: product.admissionClosesAt ?? undefined,
    entriesPerTicket: product.entriesPerTicket,
    seating: product.seating,
    venueNotes: product.venueNotes,
    entryInstructions: product.entryInstructions,
  };
}

/** When sales end: sales_close_at, else the start of the event. */
export function salesCloseAt(product: Product): Date {
  return product.salesCloseAt ?? product.startsAt;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The admission window (SPEC §3): without one, from the moment of sale until 24 hours after the start. */
export function admissionWindow(product: Product): { opensAt: Date | null; closesAt: Date } {
  return {
    opensAt: product.admissionOpensAt ?? null,
    closesAt: product.admissionClosesAt ?? new Date(product.startsAt.getTime() + DAY_MS),
  };
}
