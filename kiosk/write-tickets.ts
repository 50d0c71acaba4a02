/**
 * Puts an order's tickets onto the card they were issued to and reads the
 * card back (SPEC §2 step 6). Tickets already on the card are kept; writing
 * the same order twice does not duplicate it.
 */
import { emptyImage, isCardError, mergeTickets, type Card, type CardContents } from '../card/index.js';
import type { CardTicket } from '../gen/cardgate/v1/ticket.js';
import { WrongCardError } from './card-words.js';

/** Tickets to put onto a card: a fresh purchase or a recovered order. */
export interface WriteJob {
  readonly orderId: string;
  /** The card the tickets were issued to; they are written to no other. */
  readonly cardId: string;
  readonly tickets: readonly CardTicket[];
  readonly fromPurchase: boolean;
  /** "€136.00 paid with VISA •••• 4242", for a fresh purchase. */
  readonly receipt?: string;
}

export async function writeTickets(card: Card, cardId: string, tickets: readonly CardTicket[]): Promise<CardContents> {
  if (card.id !== cardId) throw new WrongCardError(cardId, card.id);
  // A damaged card has no readable tickets to keep: writing the order repairs it.
  const image = await card.readImage().catch((error: unknown) => {
    if (isCardError(error, 'DAMAGED')) return emptyImage(card.id);
    throw error;
  });
  await card.writeImage(mergeTickets(image, tickets));
  return card.read();
}
