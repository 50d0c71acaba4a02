/**
 * The limits of every field the center sends the charge terminal, checked as
 * requests are decoded (center/grpc/request-limits.ts, shared): a malformed
 * or oversized request is INVALID_ARGUMENT before the ledger sees it.
 */
import type { RequestLimits } from '../center/grpc/request-limits.js';

export const CHARGE_LIMITS: RequestLimits = {
  strings: {
    chargeId: { kind: 'token', max: 128 },
    currencyCode: { kind: 'pattern', pattern: /^[A-Z]{3}$/, says: 'an ISO 4217 code such as EUR' },
    number: { kind: 'pattern', pattern: /^[0-9 -]{0,32}$/, says: 'digits, spaces and dashes only' },
    cvc: { kind: 'pattern', pattern: /^[0-9]{0,4}$/, says: '3 or 4 digits' },
    description: { kind: 'text', max: 200 },
    reason: { kind: 'text', max: 200 },
  },
  lists: {},
  cardData: new Set(),
};

/** A credit instruction is well under 1 kB; anything near this is not one. */
export const MAX_CHARGE_REQUEST_BYTES = 16 * 1024;
