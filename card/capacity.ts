/**
 * How much fits on a card: the one size estimate of the project. The unit
 * is bytes of format-2 records; `ticketsBytes` is what tickets add to a
 * card, the kiosk's "room for N more" (`ticketsThatFit`) and the center's
 * `card_free_bytes` check (center/sales/ticket-builder.ts) both count with
 * it, and `Card.freeBytes` says how many such bytes the card still takes.
 */
import type { CardImage, CardTicket } from '../gen/cardgate/v1/ticket.js';
import { HEADER_AREA_BYTES } from './format2/commit-header.js';
import { encodeRecords } from './format2/payload.js';
import { encodedImageBytes } from './image-codec.js';
import { additionalInfo, orderLine, ticketInfo, type TicketProduct } from './ticket-fields.js';
import { slotBytes } from './slot-layout.js';

/** The largest image a blank card with `capacity` bytes of user memory holds. */
export function maxImageBytes(capacity: number): number {
  slotBytes(capacity); // throws below the minimum capacity
  return capacity - HEADER_AREA_BYTES;
}

/** How many more record bytes fit after `image` on a card holding exactly it, written in one go. */
export function freeBytes(image: CardImage, capacity: number): number {
  return Math.max(0, maxImageBytes(capacity) - encodedImageBytes(image));
}

/** Bytes `tickets` add to any card image: their ORDER, TEMPLATE and TICKET records. */
export function ticketsBytes(tickets: readonly CardTicket[]): number {
  return encodeRecords({ formatVersion: 0, cardId: '', tickets: [...tickets] })
    .slice(1)
    .reduce((sum, record) => sum + record.length, 0);
}

/** The buyer name the capacity table assumes (SPEC §4): up to 24 characters. */
export const TYPICAL_BUYER_NAME = 'W'.repeat(24);

/** Bytes `quantity` tickets of `product` for a buyer called `buyerName` add to a card, issued as the center issues them. */
export function orderBytes(product: TicketProduct, quantity: number, buyerName = TYPICAL_BUYER_NAME): number {
  if (quantity <= 0) return 0;
  // Ids and a purchase time in milliseconds take as many bytes as the center's real ones.
  const orderId = 'ORD-XXXXXXXXXX';
  const orderedAt = new Date(Date.UTC(2030, 0, 1, 12, 0, 0, 123));
  const startsAt = product.startsAt ?? orderedAt;
  const buyer = {
    buyerName,
    orderContents: orderLine(quantity, { name: product.name, venue: product.venue, startsAt }),
    orderedAt,
    orderId,
  };
  const tickets = Array.from({ length: quantity }, () => ({
    ticket: ticketInfo({ ...product, startsAt }, { ticketId: 'TKT-XXXXXXXXXX', orderId, issuedAt: orderedAt }),
    buyerIdentification: buyer,
    additionalInfo: additionalInfo(product),
    signature: Buffer.alloc(64),
  }));
  return ticketsBytes(tickets);
}

/** The most tickets of `product` (at most `cap`) whose records fit in `free` bytes. */
export function ticketsThatFit(product: TicketProduct, free: number, cap = 100, buyerName?: string): number {
  let n = 0;
  while (n < cap && orderBytes(product, n + 1, buyerName) <= free) n++;
  return n;
}
