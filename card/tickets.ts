/**
 * Editing the tickets of a card image: what the kiosk does after a purchase
 * or a recovery (merge) and when clearing used or expired tickets (remove).
 * Pure functions: the caller writes the result with Card.writeImage.
 */
import type { CardImage, CardTicket } from '../gen/cardgate/v1/ticket.js';

const idOf = (ticket: CardTicket) => ticket.ticket?.ticketId ?? '';

/**
 * Adds `tickets` to the image: a ticket whose id is already on the card
 * replaces it in place (so writing an order twice does not duplicate it),
 * the others are appended in the given order.
 */
export function mergeTickets(image: CardImage, tickets: readonly CardTicket[]): CardImage {
  const merged = [...image.tickets];
  for (const ticket of tickets) {
    const at = merged.findIndex((existing) => idOf(existing) === idOf(ticket));
    if (at >= 0) merged[at] = ticket;
    else merged.push(ticket);
  }
  return { ...image, tickets: merged };
}

/** The image without the tickets whose ids are given; ids not on the card are ignored. */
export function removeTickets(image: CardImage, ticketIds: Iterable<string>): CardImage {
  const drop = new Set(ticketIds);
  return { ...image, tickets: image.tickets.filter((ticket) => !drop.has(idOf(ticket))) };
}

/** The ticket with this id, if it is on the card. */
export function findTicket(image: CardImage, ticketId: string): CardTicket | undefined {
  return image.tickets.find((ticket) => idOf(ticket) === ticketId);
}
