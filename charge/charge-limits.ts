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

/** The most transfers one TransferCharges call may hold; the center sends at most half as many. */
export const MAX_TRANSFERS_PER_CALL = 512;

/**
 * TransferCharges as it is decoded: only its number of transfers is bounded here. Each transfer is held to
 * CHARGE_LIMITS by the handler, one by one, so one bad transfer is refused alone and the others go on
 * (`cardData` is the decoder's way of leaving a field to the handler).
 */
export const TRANSFER_BATCH_LIMITS: RequestLimits = {
  strings: {},
  lists: { transfers: MAX_TRANSFERS_PER_CALL },
  cardData: new Set(['transfers']),
};

/** A credit instruction is well under 1 kB; anything near this is not one. Bounds every call but TransferCharges. */
export const MAX_CHARGE_REQUEST_BYTES = 16 * 1024;

/**
 * A credit instruction within CHARGE_LIMITS is under 1 kB (its longest field, the description, is 200
 * characters, at most 600 bytes of UTF-8), so a full TransferCharges is under this.
 */
export const MAX_TRANSFER_BATCH_BYTES = MAX_TRANSFERS_PER_CALL * 1024;
