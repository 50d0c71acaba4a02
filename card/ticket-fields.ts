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
