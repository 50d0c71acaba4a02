/**
 * How many tickets of a product still fit on the buyer's card, known before
 * anything is charged. It estimates the bytes the center will issue (the same
 * CardImage unit as `card_free_bytes`) with a long buyer name, so the bound
 * errs on the safe side; the center checks the exact size again (CARD_FULL).
 */
import type { Product } from '../gen/cardgate/v1/catalog.js';
import { additionalInfo, ticketInfo } from '../card/ticket-fields.js';
import { CardImage, type CardTicket } from '../gen/cardgate/v1/ticket.js';

const SIGNATURE = Buffer.alloc(64);

function sampleTicket(product: Product, buyerName: string): CardTicket {
  const orderId = 'ORD-XXXXXXXX';
  const when = (product.startsAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  return {
    ticket: ticketInfo(product, { ticketId: 'TKT-XXXXXXXXXX', orderId, issuedAt: new Date() }),
    buyerIdentification: {
      buyerName,
      orderContents: `99 x ${product.name} (${product.venue}, ${when} UTC)`,
      orderedAt: new Date(),
      orderId,
    },
    additionalInfo: additionalInfo(product),
    signature: SIGNATURE,
  };
}

/** Encoded bytes `quantity` tickets of `product` add to a card image. */
export function bytesForTickets(product: Product, quantity: number, buyerName = 'W'.repeat(60)): number {
  const ticket = sampleTicket(product, buyerName);
  return CardImage.encode({
    formatVersion: 0,
    cardId: '',
    tickets: Array.from({ length: quantity }, () => ticket),
  }).finish().length;
}

/** The most tickets of `product` that fit in `freeBytes`. */
export function ticketsThatFit(product: Product, freeBytes: number): number {
  const one = bytesForTickets(product, 1);
  return one > 0 ? Math.floor(freeBytes / one) : 0;
}

/** The quantity bound: seats left, room on the card, and at most `cap` per purchase. */
export function maxQuantity(product: Product, freeBytes: number, cap = 10): number {
  return Math.max(0, Math.min(product.remaining, ticketsThatFit(product, freeBytes), cap));
}
