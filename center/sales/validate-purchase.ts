/** Checks a PurchaseTicketsRequest field by field; a bad one is INVALID_ARGUMENT naming the field. */
import { createHmac } from 'node:crypto';
import type { CreditCard, PurchaseTicketsRequest } from '../../gen/cardgate/v1/sales.js';
import { invalidInput } from '../domain-error.js';
import type { OrderLine } from './order.entity.js';
import { mergeLines } from './writes/stock.js';

export interface ValidPurchase {
  readonly idempotencyKey: string;
  readonly cardId: string;
  readonly buyerName: string;
  readonly buyerEmail: string;
  readonly lines: OrderLine[];
  readonly creditCard: CreditCard;
  readonly cardFreeBytes: number | undefined;
  /**
   * What the request asks for, card number included (a keyed hash: the number
   * is not stored), so a reused idempotency key can be told apart from a retry.
   */
  readonly fingerprint: string;
}

const MAX_TICKETS_PER_ORDER = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Lengths and characters were checked as the request was decoded
 * (center/grpc/center-limits.ts); this checks what each field must say.
 */
export function validatePurchase(request: PurchaseTicketsRequest, fingerprintKey: Buffer): ValidPurchase {
  const idempotencyKey = request.idempotencyKey.trim();
  if (!idempotencyKey) throw invalidInput('idempotency_key is required');
  const cardId = request.cardId.trim();
  if (!cardId) throw invalidInput('card_id is required');
  const buyerName = request.buyer?.name.trim() ?? '';
  if (!buyerName) throw invalidInput('buyer.name is required');
  const buyerEmail = request.buyer?.email.trim() ?? '';
  if (buyerEmail && !EMAIL.test(buyerEmail)) throw invalidInput('buyer.email is not an e-mail address');
  if (request.items.length === 0) throw invalidInput('items must hold at least one item');
  request.items.forEach((item, index) => {
    if (!item.productId) throw invalidInput(`items[${index}].product_id is required`);
    if (!Number.isInteger(item.quantity) || item.quantity < 1)
      throw invalidInput(`items[${index}].quantity must be at least 1`);
  });
  const lines = mergeLines(request.items);
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (count > MAX_TICKETS_PER_ORDER) throw invalidInput(`items: at most ${MAX_TICKETS_PER_ORDER} tickets per order`);
  const card = request.creditCard;
  if (!card) throw invalidInput('credit_card is required');
  const digits = card.number.replace(/[\s-]/g, '');
  if (!digits) throw invalidInput('credit_card.number is required');
  if (!card.cvc) throw invalidInput('credit_card.cvc is required');
  if (!card.expiryMonth) throw invalidInput('credit_card.expiry_month is required');
  if (!card.expiryYear) throw invalidInput('credit_card.expiry_year is required');
  const cardFreeBytes = request.cardFreeBytes;
  if (cardFreeBytes !== undefined && cardFreeBytes < 0) throw invalidInput('card_free_bytes must not be negative');

  const sortedLines = [...lines].sort((a, b) => a.productId.localeCompare(b.productId));
  const fingerprint = createHmac('sha256', fingerprintKey)
    .update(JSON.stringify([cardId, buyerName, buyerEmail, sortedLines, digits, card.expiryMonth, card.expiryYear]))
    .digest('hex');
  return { idempotencyKey, cardId, buyerName, buyerEmail, lines, creditCard: card, cardFreeBytes, fingerprint };
}
