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
 * which finds the reason. On SQLite the batch reads the tickets the INSERT
 * skipped right after it, on the same connection, and the judge starts from
 * that read; on PostgreSQL that read would be a second network round trip
 * for most batches (measured: 1356 → 1071 redemptions/s), so the judge reads
 * for itself there.
 * Batched with group commit like entry-writer.ts, whose unique
 * (ticket_id, entry_number) decides here too which of concurrent takes wins.
 */
import type { MikroORM } from '@mikro-orm/core';
import { refusalByRules, type AdmissionRules } from '../../card/admission/admission-rules.js';
import type { PresentedTicket } from '../../card/admission/presented-ticket.js';
import type { ProductCache } from '../catalog/product-cache.js';
import { GroupCommit, valuesRows, type SqlTx } from '../db/group-commit.js';
import { extraStatementIsCheap } from '../db/raw-sql.js';
import { EXACT_ADMIT_CONDITIONS, MOVEMENTS, REDEMPTION_COLUMNS } from './admission-sql.js';
import { rulesOf } from './product-rules.js';
import { readRecords, type TicketRecord } from './ticket-record.js';

/**
 * The movement recorded (its number among the ticket's movements), with the rules of the product
 * it admits to; or none and the ticket as it was read (null: no issued or cancelled ticket has
 * this id; undefined: not read). `tried` false: the fast path left this presentation to the judge
 * without a statement.
 */
export type ExactOutcome =
  | { readonly movement: number; readonly rules: AdmissionRules }
  | { readonly movement: null; readonly ticket: TicketRecord | null | undefined; readonly tried: boolean };

/** Nothing written, nothing read. */
const NOT_TRIED: ExactOutcome = { movement: null, ticket: undefined, tried: false };

export class ExactAdmit {
  private readonly commits: GroupCommit<ExactPresentation, ExactOutcome>;

  constructor(
    orm: MikroORM,
    private readonly products: ProductCache,
  ) {
    const readSkipped = extraStatementIsCheap(orm);
    this.commits = new GroupCommit(orm, (sql, batch) => insertExact(sql, batch, readSkipped), {
      key: (presentation) => presentation.ticketId,
      oneStatement: true,
    });
  }

  /**
   * Records the next entry when the presented ticket is exactly one the center issued, with an
   * entry left, that its product's rules admit at this gate at `at`. Not tried for an exit, for a
   * product that allows re-entry (whether an entry is one is the judge's to say), without a
   * signature, for a product id the center does not know, or when the rules refuse: the judge
   * will say why.
   */
  async admit(presented: PresentedTicket, at: Date): Promise<ExactOutcome> {
    const { cardTicket, gateId } = presented;
    if (presented.direction !== 'entry') return NOT_TRIED;
    const info = cardTicket.ticket!;
    const product = await this.products.find(info.productId);
    if (!product || !cardTicket.signature?.length) return NOT_TRIED;
    const rules = rulesOf(product);
    if (rules.allowReentry || refusalByRules(rules, gateId, at)) return NOT_TRIED;
    const signature = Buffer.from(cardTicket.signature);
    return this.commits.submit({ presented, ticketId: info.ticketId, signature, at, rules });
  }
}

/** One row of the INSERT's VALUES (the ticket as presented, at a time), and the rules it was tried under. */
interface ExactPresentation {
  readonly presented: PresentedTicket;
  readonly ticketId: string;
  readonly signature: Buffer;
  readonly at: Date;
  readonly rules: AdmissionRules;
}

const PRESENTED = 'ticket_id, card_id, gate_id, info, buyer, signature, at';
const TYPES = ['varchar', 'varchar', 'varchar', 'bytea', 'bytea', 'bytea', 'timestamptz'] as const;
const valuesOf = ({ ticketId, presented: p, signature, at }: ExactPresentation) =>
  [ticketId, p.cardId, p.gateId, p.info, p.buyer, signature, at] as const;

async function insertExact(
  sql: SqlTx,
  presentations: readonly ExactPresentation[],
  readSkipped: boolean,
): Promise<ExactOutcome[]> {
  const rows = await sql.all<{ ticket_id: string; entry_number: number | string }>(
    `with v (${PRESENTED}) as (values ${valuesRows(sql, TYPES, presentations.length)}) ` +
      `insert into redemptions (${REDEMPTION_COLUMNS}) ` +
      `select t.id, ${MOVEMENTS} + 1, t.product_id, t.order_id, v.gate_id, v.card_id, v.at, 'entry', false ` +
      'from v join tickets t on t.id = v.ticket_id join orders o on o.id = t.order_id ' +
      `where ${EXACT_ADMIT_CONDITIONS} on conflict do nothing returning ticket_id, entry_number`,
    presentations.flatMap(valuesOf),
  );
  const movements = new Map(rows.map((r) => [r.ticket_id, Number(r.entry_number)]));
  // The tickets the INSERT skipped, read on the same connection right after it (it runs in this process).
  const skipped = presentations.filter((p) => !movements.has(p.ticketId)).map((p) => p.ticketId);
  const tickets = readSkipped && skipped.length ? await readRecords(sql, skipped) : undefined;
  return presentations.map((p) => {
    const movement = movements.get(p.ticketId);
    return movement === undefined
      ? { movement: null, ticket: tickets && (tickets.get(p.ticketId) ?? null), tried: true }
      : { movement, rules: p.rules };
  });
}
