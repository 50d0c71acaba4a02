/**
 * How many tickets of a product still fit on the buyer's card, known before
 * anything is charged: card/capacity.ts's estimate, the one the center's
 * `card_free_bytes` check uses, for a buyer name of up to 24 characters (a
 * longer name may be refused by the center, before charging, as CARD_FULL).
 */
import type { Product } from '../gen/cardgate/v1/catalog.js';
import { orderBytes, ticketsThatFit as fitting } from '../card/capacity.js';

/** Record bytes `quantity` tickets of `product` add to a card. */
export function bytesForTickets(product: Product, quantity: number, buyerName?: string): number {
  return orderBytes(product, quantity, buyerName);
}

/** The most tickets of `product` that fit in `freeBytes`. */
export function ticketsThatFit(product: Product, freeBytes: number): number {
  return fitting(product, freeBytes);
}

/** The quantity bound: seats left, room on the card, and at most `cap` per purchase. */
export function maxQuantity(product: Product, freeBytes: number, cap = 10): number {
  return Math.max(0, Math.min(product.remaining, ticketsThatFit(product, freeBytes), cap));
}
