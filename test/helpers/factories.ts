/** Request factories for service tests: sensible defaults, override what the test is about. */
import { randomUUID } from 'node:crypto';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import type { PurchaseTicketsRequest } from '../../gen/cardgate/v1/sales.js';
import type { CenterClient } from '../../terminal/center-client.js';

export const CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  luhnInvalid: '4242424242424241',
} as const;

/** A CVC unlikely to appear by chance in a database file, for the card-data hygiene test. */
export const TEST_CVC = '7391';

/**
 * Whether `text` holds TEST_CVC as a number of its own. Inside a longer number it is chance, not the
 * CVC: every log line carries the epoch milliseconds ("time":1796232917391), and one in a few
 * thousand of those holds any four given digits.
 */
export const holdsTestCvc = (text: string): boolean => new RegExp(`(?<![0-9])${TEST_CVC}(?![0-9])`).test(text);

const HOUR = 60 * 60 * 1000;

export function productRequest(overrides: Partial<CreateProductRequest> = {}): CreateProductRequest {
  return {
    name: 'Test Concert',
    venue: 'Test Hall',
    startsAt: new Date(Date.now() + 48 * HOUR),
    price: { currencyCode: 'EUR', amountMinor: 2500 },
    capacity: 100,
    gateIds: [],
    salesCloseAt: undefined,
    admissionOpensAt: undefined,
    admissionClosesAt: undefined,
    entriesPerTicket: 1,
    seating: 'General admission',
    venueNotes: 'Doors at 19:00',
    entryInstructions: 'Main entrance',
    allowReentry: false,
    ...overrides,
  };
}

export function createProduct(admin: CenterClient, overrides: Partial<CreateProductRequest> = {}): Promise<Product> {
  return admin.createProduct(productRequest(overrides));
}

/** The n-th of many 7-byte card UIDs (NXP's 04 first), as a reader reports them. */
export const cardUid = (n: number) => `04${n.toString(16).toUpperCase().padStart(12, '0')}`;

export function purchaseRequest(
  productId: string,
  overrides: Partial<PurchaseTicketsRequest> & { quantity?: number; cardNumber?: string } = {},
): PurchaseTicketsRequest {
  const { quantity = 1, cardNumber = CARDS.approved, ...rest } = overrides;
  const nextYear = new Date().getUTCFullYear() + 1;
  return {
    idempotencyKey: randomUUID(),
    cardId: '04A1B2C3D4E5F6',
    buyer: { name: 'Hanako Yamada', email: 'hanako@example.com' },
    items: [{ productId, quantity }],
    creditCard: { number: cardNumber, expiryMonth: 12, expiryYear: nextYear, cvc: TEST_CVC },
    cardFreeBytes: undefined,
    ...rest,
  };
}
