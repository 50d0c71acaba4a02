/**
 * The ledger's one table and how a ChargeRecord is stored in it. A row holds
 * what SPEC §6 lets a processor keep: the card's brand, last four and expiry,
 * never its number or CVC. States and reasons are stored by name, so an
 * operator reading the file with `sqlite3` sees what the terminal answered.
 */
import { ChargeState } from '../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../gen/cardgate/v1/sales.js';
import type { CardSummary } from './simulator.js';
import type { ChargeRecord } from './ledger.js';

/** PRAGMA user_version of a ledger this code writes; a newer file is refused rather than misread. */
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE charges (
  charge_id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('APPROVED', 'DECLINED', 'REVERSED', 'VOIDED')),
  currency_code TEXT,
  amount_minor INTEGER,
  card_brand TEXT,
  card_last4 TEXT,
  card_expiry_month INTEGER,
  card_expiry_year INTEGER,
  authorization_code TEXT NOT NULL,
  decline_reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT`;

export const SELECT_CHARGE = 'SELECT * FROM charges WHERE charge_id = ?';

/** A charge is decided once; afterwards only its state moves (approved → reversed). */
export const UPSERT_CHARGE = `INSERT INTO charges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (charge_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`;

export interface ChargeRow {
  readonly charge_id: string;
  readonly state: string;
  readonly currency_code: string | null;
  readonly amount_minor: number | null;
  readonly card_brand: string | null;
  readonly card_last4: string | null;
  readonly card_expiry_month: number | null;
  readonly card_expiry_year: number | null;
  readonly authorization_code: string;
  readonly decline_reason: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const STATE_PREFIX = 'CHARGE_STATE_';
const REASON_PREFIX = 'UNAVAILABILITY_REASON_';

/** The parameters of UPSERT_CHARGE, in column order. */
export function rowParams(record: ChargeRecord): unknown[] {
  const { amount, card } = record;
  return [
    record.chargeId,
    ChargeState[record.state].slice(STATE_PREFIX.length),
    amount?.currencyCode ?? null,
    amount?.amountMinor ?? null,
    card?.brand ?? null,
    card?.last4 ?? null,
    card?.expiryMonth ?? null,
    card?.expiryYear ?? null,
    record.authorizationCode,
    record.declineReason ? UnavailabilityReason[record.declineReason].slice(REASON_PREFIX.length) : '',
    record.createdAt.toISOString(),
    record.updatedAt.toISOString(),
  ];
}

export function recordOf(row: ChargeRow): ChargeRecord {
  const state = ChargeState[`${STATE_PREFIX}${row.state}` as keyof typeof ChargeState];
  const reason = row.decline_reason
    ? UnavailabilityReason[`${REASON_PREFIX}${row.decline_reason}` as keyof typeof UnavailabilityReason]
    : UnavailabilityReason.UNAVAILABILITY_REASON_UNSPECIFIED;
  const amount =
    row.currency_code === null || row.amount_minor === null
      ? undefined
      : { currencyCode: row.currency_code, amountMinor: row.amount_minor };
  const card: CardSummary | undefined =
    row.card_brand === null
      ? undefined
      : {
          brand: row.card_brand as CardSummary['brand'],
          last4: row.card_last4 ?? '',
          expiryMonth: row.card_expiry_month ?? 0,
          expiryYear: row.card_expiry_year ?? 0,
        };
  return {
    chargeId: row.charge_id,
    state,
    amount,
    card,
    authorizationCode: row.authorization_code,
    declineReason: reason ?? UnavailabilityReason.UNRECOGNIZED,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
