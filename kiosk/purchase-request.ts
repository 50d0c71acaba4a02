/** The PurchaseTickets request for what the buyer entered (SPEC §2 step 2), with the room left on the card so the center refuses before charging when it would not fit. */
import type { PurchaseTicketsRequest } from '../gen/cardgate/v1/sales.js';
import type { Paying } from './flow/kiosk-state.js';
import { parseExpiry } from './payment.js';

export function purchaseRequest({ order, payment, idempotencyKey }: Paying): PurchaseTicketsRequest {
  const expiry = parseExpiry(payment.expiry);
  return {
    idempotencyKey,
    cardId: order.card.id,
    buyer: { name: order.buyer.name, email: order.buyer.email },
    items: [{ productId: order.product.id, quantity: order.quantity }],
    creditCard: {
      number: payment.number,
      expiryMonth: expiry?.month ?? 0,
      expiryYear: expiry?.year ?? 0,
      cvc: payment.cvc,
    },
    cardFreeBytes: order.card.freeBytes,
  };
}
