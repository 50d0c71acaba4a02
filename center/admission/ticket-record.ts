/**
 * What a redemption reads: the ticket row with its order's buyer
 * identification and its entries so far in one raw query (the ORM's
 * identity map and hydration cost more than the query on this path). A
 * record is both the judge's IssuedRecord and its EntriesUsed
 * (card/admission/judge.ts).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { AdmissionRules } from '../../card/admission/admission-rules.js';
import type { KnownTicket } from '../../card/admission/judge.js';
import { placeholders } from '../db/group-commit.js';
import { withConnection, type SqlTx } from '../db/raw-sql.js';
import { ENTRIES_USED, FIRST_ENTRY, LAST_MOVEMENT, MOVEMENTS } from './admission-sql.js';

export interface TicketRecord {
  readonly id: string;
  readonly orderId: string;
  readonly productId: string;
  readonly cardId: string;
  readonly state: 'issued' | 'cancelled';
  readonly info: Buffer;
  readonly signature: Buffer | null;
  readonly buyerIdentification: Buffer | null;
  readonly entriesAllowed: number;
  readonly entriesUsed: number;
  readonly firstUsedAt: Date | null;
  readonly firstUsedGate: string | null;
  readonly lastMovement: 'entry' | 'exit' | null;
  /** Its movements so far, annulled ones included: the next is numbered one more. */
  readonly movements: number;
}

/** What the judge knows of a ticket from its record and its product's rules: the record is its issued record and its entries used at once. */
export function knownTicket(
  record: TicketRecord,
  rules: AdmissionRules,
): KnownTicket & { readonly issued: TicketRecord } {
  return { rules, cancelled: record.state === 'cancelled', entries: record, issued: record };
}

interface Row {
  id: string;
  order_id: string;
  product_id: string;
  card_id: string;
  state: 'issued' | 'cancelled';
  info: Buffer;
  signature: Buffer | null;
  buyer_identification: Buffer | null;
  entries_allowed: number;
  entries_used: number;
  first_used_at: Date | number | string | null;
  first_used_gate: string | null;
  last_movement: 'entry' | 'exit' | null;
  movements: number | string;
}

/** Entries used, the first use and the last movement come from the redemption rows, the one record of use (entry-writer.ts). */
const SELECT =
  'select t.id, t.order_id, t.product_id, t.card_id, t.state, t.info, t.signature, t.entries_allowed, o.buyer_identification, ' +
  `${ENTRIES_USED} as entries_used, f.redeemed_at as first_used_at, f.gate_id as first_used_gate, ` +
  `${LAST_MOVEMENT} as last_movement, ${MOVEMENTS} as movements ` +
  `from tickets t join orders o on o.id = t.order_id ${FIRST_ENTRY} where t.state <> 'pending' and t.id in `;
const MAX_BATCH = 256;

/** SQLite keeps datetimes as epoch milliseconds, PostgreSQL hands back Dates. */
const dateOf = (value: Date | number | string | null) =>
  value === null
    ? null
    : value instanceof Date
      ? value
      : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/**
 * Reads ticket records, batched: lookups asked for while a read is in
 * flight go out together in one `where id in (…)` query, so a stadium of
 * gates costs one round trip per batch instead of one per ticket.
 */
export class TicketReader {
  private queue: Array<{ id: string; resolve(ticket: TicketRecord | null): void; reject(error: unknown): void }> = [];
  private reading = false;

  constructor(private readonly orm: MikroORM) {}

  /** The issued or cancelled ticket with this id, or null. */
  read(ticketId: string): Promise<TicketRecord | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ticketId, resolve, reject });
      if (!this.reading) {
        this.reading = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, MAX_BATCH);
      this.queue = this.queue.slice(MAX_BATCH);
      try {
        const byId = await withConnection(this.orm, (sql) =>
          readRecords(
            sql,
            batch.map((entry) => entry.id),
          ),
        );
        for (const entry of batch) entry.resolve(byId.get(entry.id) ?? null);
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.reading = false;
  }
}

/** The issued or cancelled tickets among `ticketIds`, by id, in one query. */
export async function readRecords(sql: SqlTx, ticketIds: readonly string[]): Promise<Map<string, TicketRecord>> {
  const ids = [...new Set(ticketIds)];
  const rows = await sql.all<Row>(`${SELECT}(${placeholders(ids.length)})`, ids);
  return new Map(rows.map((row) => [row.id, record(row)]));
}

function record(row: Row): TicketRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    productId: row.product_id,
    cardId: row.card_id,
    state: row.state,
    info: row.info,
    signature: row.signature,
    buyerIdentification: row.buyer_identification,
    entriesAllowed: Number(row.entries_allowed),
    entriesUsed: Number(row.entries_used),
    firstUsedAt: dateOf(row.first_used_at),
    firstUsedGate: row.first_used_gate,
    lastMovement: row.last_movement,
    movements: Number(row.movements),
  };
}
