/**
 * The terminal's record of charges, keyed by the caller's charge_id, which
 * makes TransferCharge idempotent and lets a void beat a late request. Kept
 * in the terminal's own SQLite file (ledger-file.ts), so a restarted terminal
 * still knows what it approved; each call reads and writes its record in one
 * transaction, and answers once that transaction is durable. Records hold a
 * card summary only, never the number or the CVC.
 */
import { ChargeState } from '../gen/cardgate/v1/charge.js';
import type { Money } from '../gen/cardgate/v1/money.js';
import { UnavailabilityReason, type CreditCard } from '../gen/cardgate/v1/sales.js';
import { invalidArgument } from './charge-error.js';
import type { LedgerFile, LedgerSql } from './ledger-file.js';
import { recordOf, rowParams, SELECT_CHARGE, UPSERT_CHARGE, type ChargeRow } from './ledger-schema.js';
import { decideCharge, summarizeCard, type CardSummary } from './simulator.js';

export interface ChargeRecord {
  readonly chargeId: string;
  readonly state: ChargeState;
  /** Absent on a void recorded before any request for the id arrived. */
  readonly amount?: Money;
  readonly card?: CardSummary;
  readonly authorizationCode: string;
  readonly declineReason: UnavailabilityReason;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface TransferInput {
  readonly chargeId: string;
  readonly amount: Money;
  readonly card: CreditCard;
}

/** decided: first answer for the id; replayed: the stored answer again; refused: the id was voided or reversed. */
export type TransferKind = 'decided' | 'replayed' | 'refused';

export interface TransferAnswer {
  readonly kind: TransferKind;
  readonly record: ChargeRecord;
  readonly approved: boolean;
  readonly authorizationCode: string;
  readonly declineReason: UnavailabilityReason;
  /** The card of this request, which for a refused void is not on the record. */
  readonly card: CardSummary;
}

export interface LedgerClock {
  readonly now: () => Date;
  readonly newAuthorizationCode: () => string;
}

export class ChargeLedger {
  constructor(
    private readonly file: LedgerFile,
    private readonly deps: LedgerClock,
  ) {}

  /** The first request for an id decides and is stored; later ones get that answer, or an error when they differ. */
  transfer(input: TransferInput): Promise<TransferAnswer> {
    const card = summarizeCard(input.card);
    return this.file.transaction(async (sql) => {
      const existing = await find(sql, input.chargeId);
      if (existing) return replay(existing, input.amount, card);
      const now = this.deps.now();
      const decision = decideCharge(input.card, now);
      const record: ChargeRecord = {
        chargeId: input.chargeId,
        state: decision.approved ? ChargeState.CHARGE_STATE_APPROVED : ChargeState.CHARGE_STATE_DECLINED,
        amount: { currencyCode: input.amount.currencyCode, amountMinor: input.amount.amountMinor },
        card,
        authorizationCode: decision.approved ? this.deps.newAuthorizationCode() : '',
        declineReason: decision.approved ? UnavailabilityReason.UNAVAILABILITY_REASON_UNSPECIFIED : decision.reason,
        createdAt: now,
        updatedAt: now,
      };
      await store(sql, record);
      return answer('decided', record, card);
    });
  }

  /** Undoes an approval, leaves a decline as it is, and voids an id never seen so a late request is refused. */
  reverse(chargeId: string): Promise<{ readonly record: ChargeRecord; readonly changed: boolean }> {
    return this.file.transaction(async (sql) => {
      const now = this.deps.now();
      const existing = await find(sql, chargeId);
      if (existing && existing.state !== ChargeState.CHARGE_STATE_APPROVED) return { record: existing, changed: false };
      const record: ChargeRecord = existing
        ? { ...existing, state: ChargeState.CHARGE_STATE_REVERSED, updatedAt: now }
        : {
            chargeId,
            state: ChargeState.CHARGE_STATE_VOIDED,
            authorizationCode: '',
            declineReason: UnavailabilityReason.UNAVAILABILITY_REASON_UNSPECIFIED,
            createdAt: now,
            updatedAt: now,
          };
      await store(sql, record);
      return { record, changed: true };
    });
  }

  /** The stored record, read in turn with the writes (so it reflects every call answered before it). */
  get(chargeId: string): Promise<ChargeRecord | undefined> {
    return this.file.transaction((sql) => find(sql, chargeId));
  }
}

async function find(sql: LedgerSql, chargeId: string): Promise<ChargeRecord | undefined> {
  const row = await sql.get<ChargeRow>(SELECT_CHARGE, [chargeId]);
  return row && recordOf(row);
}

const store = (sql: LedgerSql, record: ChargeRecord) => sql.run(UPSERT_CHARGE, rowParams(record));

/** Throws (before anything is written) when the request differs from the one that decided the id. */
function replay(existing: ChargeRecord, amount: Money, card: CardSummary): TransferAnswer {
  if (existing.state === ChargeState.CHARGE_STATE_VOIDED) return refused(existing, card);
  assertSameCharge(existing, amount, card);
  // Replaying "approved" for a reversed charge would let the caller hand out goods nobody paid for.
  if (existing.state === ChargeState.CHARGE_STATE_REVERSED) return refused(existing, card);
  return answer('replayed', existing, card);
}

function assertSameCharge(existing: ChargeRecord, amount: Money, card: CardSummary): void {
  const had = existing.amount;
  if (had?.amountMinor !== amount.amountMinor || had.currencyCode !== amount.currencyCode) {
    throw invalidArgument(`charge_id ${existing.chargeId} was already used with a different amount`);
  }
  const same = existing.card;
  if (
    same?.last4 !== card.last4 ||
    same.brand !== card.brand ||
    same.expiryMonth !== card.expiryMonth ||
    same.expiryYear !== card.expiryYear
  ) {
    throw invalidArgument(`charge_id ${existing.chargeId} was already used with a different credit_card`);
  }
}

function answer(kind: TransferKind, record: ChargeRecord, card: CardSummary): TransferAnswer {
  const approved = record.state === ChargeState.CHARGE_STATE_APPROVED;
  return {
    kind,
    record,
    approved,
    authorizationCode: record.authorizationCode,
    declineReason: record.declineReason,
    card,
  };
}

function refused(record: ChargeRecord, card: CardSummary): TransferAnswer {
  const reason = UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE;
  return { kind: 'refused', record, approved: false, authorizationCode: '', declineReason: reason, card };
}
