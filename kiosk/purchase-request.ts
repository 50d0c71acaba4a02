/** The PurchaseTickets request for what the buyer entered (SPEC §2 step 2), with the room left on the card so the center refuses before charging when it would not fit. */
import type { PurchaseTicketsRequest } from '../gen/cardgate/v1/sales.js';
import type { KioskState } from './hooks/use-kiosk-flow.js';
import { parseExpiry } from './payment.js';

export function purchaseRequest(state: KioskState): PurchaseTicketsRequest {
  const expiry = parseExpiry(state.payment.expiry);
  return {
    idempotencyKey: state.idempotencyKey!,
    cardId: state.card!.id,
    buyer: { name: state.buyer.name, email: state.buyer.email },
    items: [{ productId: state.product!.id, quantity: state.quantity }],
    creditCard: { number: state.payment.number, expiryMonth: expiry?.month ?? 0, expiryYear: expiry?.year ?? 0, cvc: state.payment.cvc },
    cardFreeBytes: state.card!.freeBytes,
  };
}
