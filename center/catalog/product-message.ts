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
    allowReentry: product.allowReentry,
  };
}

/** When sales end: sales_close_at, else the start of the event. */
export function salesCloseAt(product: Product): Date {
  return product.salesCloseAt ?? product.startsAt;
}
