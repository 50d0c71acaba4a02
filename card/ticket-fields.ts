/**
 * What one ticket of a product says on the card: its TicketInfo and its
 * additional information. The center issues tickets with these fields and
 * the kiosk sizes a card's free space with the same ones, so the two can
 * never disagree on what a ticket holds.
 */
import type { Money } from '../gen/cardgate/v1/money.js';
import type { AdditionalInfo, TicketInfo } from '../gen/cardgate/v1/ticket.js';

/** The product as both the center's entity and the catalog message can give it. */
export interface TicketProduct {
  readonly id: string;
  readonly name: string;
  readonly venue: string;
  readonly startsAt: Date | undefined;
  readonly seating: string;
  readonly price: Money | undefined;
  readonly entriesPerTicket: number;
  readonly venueNotes: string;
  readonly entryInstructions: string;
}

export interface TicketIds {
  readonly ticketId: string;
  readonly orderId: string;
  readonly issuedAt: Date;
}

export function ticketInfo(product: TicketProduct, { ticketId, orderId, issuedAt }: TicketIds): TicketInfo {
  return {
    ticketId,
    productId: product.id,
    orderId,
    eventName: product.name,
    venue: product.venue,
    startsAt: product.startsAt,
    seat: product.seating || 'General admission',
    price: product.price,
    issuedAt,
    entriesAllowed: Math.max(1, product.entriesPerTicket),
  };
}

export function additionalInfo(product: TicketProduct): AdditionalInfo {
  return { venueNotes: product.venueNotes, entryInstructions: product.entryInstructions };
}

/** What an order line of BuyerIdentification.order_contents names: the event as issued. */
export interface OrderLineEvent {
  readonly name: string;
  readonly venue: string;
  readonly startsAt: Date;
}

/** Lines of BuyerIdentification.order_contents are joined with this. */
export const ORDER_LINE_SEPARATOR = '; ';

/** "2 x Jazz Night (Blue Note, 2026-12-01 20:00 UTC)": one line of an order's contents, as the center writes it. */
export function orderLine(quantity: number, event: OrderLineEvent): string {
  const when = event.startsAt.toISOString().slice(0, 16).replace('T', ' ');
  return `${quantity} x ${event.name} (${event.venue}, ${when} UTC)`;
}
