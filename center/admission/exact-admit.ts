/**
 * The fast path: most tickets a gate presents are valid and unused, so
 * instead of reading the ticket, judging it and then recording the entry (two
 * database round trips), the center first tries to record the entry with the
 * judgement inside the INSERT. The product's window and gates are checked
 * first with the judge's own refusalByRules; the INSERT's conditions
 * (admission-sql.ts) are the judge's other rules — the ticket is issued to
 * this card, its bytes, signature and buyer identification are the ones the
 * center stored, and it has an entry left. A row goes in only when every
 * condition holds; anything else (a rejection, a lost race for the entry)
 * inserts nothing and redeem.ts asks the judge (card/admission/judge.ts),
 * which finds the reason. On SQLite, so that a rejection costs no second trip
 * through the event loop, the batch reads its tickets alongside the INSERT
 * and the judge starts from that read; on PostgreSQL that read would be a
 * second network round trip for every batch (measured: 1356 → 1071
 * redemptions/s), so the judge reads for itself there.
 * Batched with group commit like entry-writer.ts, whose unique
 * (ticket_id, entry_number) decides here too which of concurrent takes wins.
 */
import type { MikroORM } from '@mikro-orm/core';
import { GroupCommit, valuesRows, type SqlTx } from '../db/group-commit.js';
import { refusalByRules, type AdmissionRules } from '../../card/admission/admission-rules.js';
import { extraStatementIsCheap } from '../db/raw-sql.js';
import { EXACT_ADMIT_CONDITIONS, ENTRIES_USED, REDEMPTION_COLUMNS } from './admission-sql.js';
import { readRecords, type TicketRecord } from './ticket-record.js';

export interface ExactPresentation {
  readonly ticketId: string;
  readonly cardId: string;
  readonly gateId: string;
  /** The protobuf encodings of the card's TicketInfo and BuyerIdentification. */
  readonly info: Buffer;
  readonly buyer: Buffer;
  readonly signature: Buffer;
  readonly at: Date;
}

/** The entry recorded, or none and the ticket as it was read (null: no issued or cancelled ticket has this id; undefined: not read). */
export type ExactOutcome = { readonly entry: number } | { readonly entry: null; readonly ticket: TicketRecord | null | undefined };

/** Nothing written, nothing read. */
const NOT_TRIED: Promise<ExactOutcome> = Promise.resolve({ entry: null, ticket: undefined });

export class ExactAdmit {
  private readonly commits: GroupCommit<ExactPresentation, ExactOutcome>;

  constructor(orm: MikroORM) {
    const readAlongside = extraStatementIsCheap(orm);
    this.commits = new GroupCommit(orm, (sql, batch) => insertExact(sql, batch, readAlongside), { key: (presentation) => presentation.ticketId, oneStatement: true });
  }

  /**
   * Records the next entry when the presentation is exactly an issued ticket with an entry left
   * that `rules`, its product's, admit. Without a signature, or when the rules refuse, it is not
   * tried: the judge will say why.
   */
  admit(presentation: ExactPresentation, rules: AdmissionRules): Promise<ExactOutcome> {
    if (presentation.signature.length === 0 || refusalByRules(rules, presentation.gateId, presentation.at)) return NOT_TRIED;
    return this.commits.submit(presentation);
  }
}

const PRESENTED = 'ticket_id, card_id, gate_id, info, buyer, signature, at';
const TYPES = ['varchar', 'varchar', 'varchar', 'bytea', 'bytea', 'bytea', 'timestamptz'] as const;

async function insertExact(sql: SqlTx, presentations: readonly ExactPresentation[], readAlongside: boolean): Promise<ExactOutcome[]> {
  // Both statements are sent at once; whichever runs first, a ticket the INSERT skipped reads the same.
  const read = readAlongside ? readRecords(sql, presentations.map((p) => p.ticketId)) : undefined;
  const inserted = sql.all<{ ticket_id: string; entry_number: number | string }>(
    `with v (${PRESENTED}) as (values ${valuesRows(sql, TYPES, presentations.length)}) ` +
      `insert into redemptions (${REDEMPTION_COLUMNS}) ` +
      `select t.id, ${ENTRIES_USED} + 1, t.product_id, t.order_id, v.gate_id, v.card_id, v.at ` +
      'from v join tickets t on t.id = v.ticket_id join orders o on o.id = t.order_id ' +
      `where ${EXACT_ADMIT_CONDITIONS} on conflict do nothing returning ticket_id, entry_number`,
    presentations.flatMap((p) => [p.ticketId, p.cardId, p.gateId, p.info, p.buyer, p.signature, p.at]),
  );
  const [tickets, rows] = await Promise.all([read, inserted]);
  const entries = new Map(rows.map((r) => [r.ticket_id, Number(r.entry_number)]));
  return presentations.map((p) => {
    const entry = entries.get(p.ticketId);
    return entry === undefined ? { entry: null, ticket: tickets && (tickets.get(p.ticketId) ?? null) } : { entry };
  });
}
