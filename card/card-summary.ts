/**
 * The JSON view of a card that `cardgate card show --json` prints (SPEC §4):
 * snake_case keys, ISO 8601 times. Scripts and the help desk rely on these
 * keys; add new ones, never rename.
 */
import type { CardTicket } from '../gen/cardgate/v1/ticket.js';
import type { Card, CardContents } from './card.js';

export interface TicketSummary {
  readonly ticket_id: string;
  readonly product_id: string;
  /** The event name. */
  readonly name: string;
  readonly starts_at: string | null;
  readonly buyer_name: string;
  readonly order_id: string;
  readonly venue: string;
  readonly seat: string;
  readonly price: { readonly currency_code: string; readonly amount_minor: number } | null;
  readonly entries_allowed: number;
  readonly issued_at: string | null;
  readonly ordered_at: string | null;
  readonly venue_notes: string;
  readonly entry_instructions: string;
  /** The signature is present and 64 bytes long (verifying it needs the center's key). */
  readonly signed: boolean;
}

export interface CardSummary {
  readonly card_id: string;
  /** User memory in bytes. */
  readonly capacity: number;
  readonly used_bytes: number;
  /** Encoded bytes that still fit: what a kiosk would send as card_free_bytes. */
  readonly free_bytes: number;
  /** The largest image the card holds when blank. */
  readonly max_image_bytes: number;
  /** The card id written in the image; differs from card_id on a copied card, whose tickets the gate rejects. */
  readonly image_card_id: string;
  readonly copied: boolean;
  readonly tickets: TicketSummary[];
  /** The movements gates wrote onto the card (SPEC §9), oldest first. */
  readonly entries: EntrySummary[];
}

export interface EntrySummary {
  readonly ticket_id: string;
  readonly gate_id: string;
  readonly at: string;
  /** "entry" or "exit". */
  readonly direction: string;
  readonly reentry: boolean;
}

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

export function ticketSummary({
  ticket,
  buyerIdentification: buyer,
  additionalInfo: extra,
  signature,
}: CardTicket): TicketSummary {
  return {
    ticket_id: ticket?.ticketId ?? '',
    product_id: ticket?.productId ?? '',
    name: ticket?.eventName ?? '',
    starts_at: iso(ticket?.startsAt),
    buyer_name: buyer?.buyerName ?? '',
    order_id: ticket?.orderId || buyer?.orderId || '',
    venue: ticket?.venue ?? '',
    seat: ticket?.seat ?? '',
    price: ticket?.price ? { currency_code: ticket.price.currencyCode, amount_minor: ticket.price.amountMinor } : null,
    entries_allowed: ticket?.entriesAllowed ?? 0,
    issued_at: iso(ticket?.issuedAt),
    ordered_at: iso(buyer?.orderedAt),
    venue_notes: extra?.venueNotes ?? '',
    entry_instructions: extra?.entryInstructions ?? '',
    signed: signature?.length === 64,
  };
}

/** The summary of what `card.read()` returned. */
export function cardSummary(card: Card, contents: CardContents): CardSummary {
  return {
    card_id: card.id,
    capacity: card.capacity,
    used_bytes: contents.usedBytes,
    free_bytes: card.freeBytes(contents.image),
    max_image_bytes: card.maxImageBytes,
    image_card_id: contents.image.cardId,
    copied: contents.copied,
    tickets: contents.image.tickets.map(ticketSummary),
    entries: (contents.entries ?? []).map((entry) => ({
      ticket_id: entry.ticketId,
      gate_id: entry.gateId,
      at: entry.at.toISOString(),
      direction: entry.direction,
      reentry: entry.reentry,
    })),
  };
}
