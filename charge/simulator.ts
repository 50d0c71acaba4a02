/**
 * The payment processor's test-mode rules (SPEC §6): whether a card would be
 * charged, decided from the card alone and a clock passed in. decideCharge is
 * pure and deterministic; the authorization code is drawn separately, by the
 * ledger, only for a charge it actually records as approved.
 */
import { randomInt } from 'node:crypto';
import type { CreditCard } from '../gen/cardgate/v1/sales.js';
import { UnavailabilityReason } from '../gen/cardgate/v1/sales.js';
import { cardBrand, isValidCardNumber, lastFour, normalizeCardNumber, type CardBrand } from './card-number.js';

/** Test numbers with a fixed answer, as processors publish them for their sandboxes. */
export const TEST_CARDS = {
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
} as const;

/** What may be kept and logged about a card: never the number or the CVC. */
export interface CardSummary {
  readonly brand: CardBrand;
  readonly last4: string;
  readonly expiryMonth: number;
  readonly expiryYear: number;
}

export type Decision =
  | { readonly approved: true; readonly card: CardSummary }
  | { readonly approved: false; readonly reason: UnavailabilityReason; readonly card: CardSummary };

/** Brand, last four and expiry of a card as typed. */
export function summarizeCard(card: CreditCard): CardSummary {
  const digits = normalizeCardNumber(card.number);
  return {
    brand: cardBrand(digits),
    last4: lastFour(digits),
    expiryMonth: card.expiryMonth,
    expiryYear: card.expiryYear,
  };
}

/** Decides a charge: malformed card, then expiry, then the test numbers; any other valid card is approved. */
export function decideCharge(card: CreditCard, now: Date): Decision {
  const summary = summarizeCard(card);
  const decline = (reason: UnavailabilityReason): Decision => ({ approved: false, reason, card: summary });
  const digits = normalizeCardNumber(card.number);
  if (!isValidCardNumber(digits)) return decline(UnavailabilityReason.UNAVAILABILITY_REASON_INVALID_CARD);
  if (!isValidExpiry(card.expiryMonth, card.expiryYear) || !/^\d{3,4}$/.test(card.cvc)) {
    return decline(UnavailabilityReason.UNAVAILABILITY_REASON_INVALID_CARD);
  }
  if (isExpired(card.expiryMonth, card.expiryYear, now))
    return decline(UnavailabilityReason.UNAVAILABILITY_REASON_CARD_EXPIRED);
  if (digits === TEST_CARDS.declined) return decline(UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_DECLINED);
  if (digits === TEST_CARDS.insufficientFunds)
    return decline(UnavailabilityReason.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS);
  return { approved: true, card: summary };
}

function isValidExpiry(month: number, year: number): boolean {
  // A two-digit year would otherwise read as the first century and look expired, not malformed.
  return Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(year) && year >= 1000 && year <= 9999;
}

/** A card is good through the last day of its expiry month, so it expires at 00:00 UTC on the 1st of the next month. */
export function isExpired(month: number, year: number, now: Date): boolean {
  // Date.UTC months are 0-based, so `month` (1-based) is already the next month; December rolls into January.
  return now.getTime() >= Date.UTC(year, month, 1);
}

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Six random upper-case alphanumerics, the shape of an issuer's authorization code. */
export function randomAuthorizationCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A sentence for the buyer, shown by the kiosk next to the machine-readable reason. */
export function declineMessage(reason: UnavailabilityReason): string {
  switch (reason) {
    case UnavailabilityReason.UNAVAILABILITY_REASON_INVALID_CARD:
      return 'The card number, expiry date or security code is not valid.';
    case UnavailabilityReason.UNAVAILABILITY_REASON_CARD_EXPIRED:
      return 'The card has expired.';
    case UnavailabilityReason.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS:
      return 'The card issuer reports insufficient funds.';
    case UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_DECLINED:
      return 'The card issuer declined the charge.';
    default:
      return 'The charge was not made.';
  }
}
