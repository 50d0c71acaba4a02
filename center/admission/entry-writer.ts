/**
 * Records movements the judge admitted (entries, exits, re-entries) with
 * group commit (db/group-commit.ts): the ones taken while a write is in
 * flight go into `redemptions` in one INSERT. The redemption rows are the
 * one record of use — a ticket's entries used, whether it is inside and its
 * first use are read from them (ticket-record.ts) — and their unique
 * (ticket_id, entry_number) decides who wins: of concurrent movements of
 * one ticket, in this center or another on the same database, exactly one
 * takes the next number and the others are skipped (ON CONFLICT DO NOTHING). One
 * statement is atomic by itself, so it needs no transaction around it.
 */
import type { MikroORM } from '@mikro-orm/core';
import { GroupCommit, valuesRows, type SqlTx } from '../db/group-commit.js';
import { REDEMPTION_COLUMNS, TICKET_ISSUED } from './admission-sql.js';
import type { DirectionName } from './redemption.entity.js';

export interface EntryTake {
  readonly ticketId: string;
  /** The ticket's next movement number, as the judge's read saw it: recorded if nobody has taken it yet. */
  readonly movement: number;
  readonly direction: DirectionName;
  readonly reentry: boolean;
  readonly productId: string;
  readonly orderId: string;
  readonly gateId: string;
  readonly cardId: string;
  readonly at: Date;
}

export class EntryWriter {
  private readonly commits: GroupCommit<EntryTake, boolean>;

  constructor(orm: MikroORM) {
    this.commits = new GroupCommit(orm, writeEntries, { key: (take) => take.ticketId, oneStatement: true });
  }

  /**
   * True when this take recorded its movement; false when someone else moved the ticket first or,
   * for an entry, the order was cancelled meanwhile (an exit is recorded for a cancelled ticket too).
   */
  take(take: EntryTake): Promise<boolean> {
    return this.commits.submit(take);
  }
}

const TYPES = [
  'varchar',
  'integer',
  'varchar',
  'varchar',
  'varchar',
  'varchar',
  'timestamptz',
  'varchar',
  'boolean',
] as const;
const FROM_V = REDEMPTION_COLUMNS.split(', ')
  .map((c) => `v.${c}`)
  .join(', ');

async function writeEntries(sql: SqlTx, takes: readonly EntryTake[]): Promise<boolean[]> {
  const rows = await sql.all<{ ticket_id: string }>(
    `with v (${REDEMPTION_COLUMNS}) as (values ${valuesRows(sql, TYPES, takes.length)}) ` +
      `insert into redemptions (${REDEMPTION_COLUMNS}) select ${FROM_V} ` +
      `from v join tickets t on t.id = v.ticket_id where (${TICKET_ISSUED} or v.direction = 'exit') ` +
      'on conflict do nothing returning ticket_id',
    takes.flatMap((t) => [
      t.ticketId,
      t.movement,
      t.productId,
      t.orderId,
      t.gateId,
      t.cardId,
      t.at,
      t.direction,
      t.reentry,
    ]),
  );
  const won = new Set(rows.map((r) => r.ticket_id));
  return takes.map((t) => won.has(t.ticketId));
}
