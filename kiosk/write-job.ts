/** Tickets to put onto a card: a fresh purchase or a recovered order. */
import type { CardTicket } from '../gen/cardgate/v1/ticket.js';

export interface WriteJob {
  readonly orderId: string;
  /** The card the tickets were issued to; they are written to no other. */
  readonly cardId: string;
  readonly tickets: readonly CardTicket[];
  readonly fromPurchase: boolean;
  /** "€136.00 paid with VISA •••• 4242", for a fresh purchase. */
  readonly receipt?: string;
}
