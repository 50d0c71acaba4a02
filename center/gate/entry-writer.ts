/**
 * Records admissions with group commit (db/group-commit.ts): entries taken
 * while a write is in flight are written in one transaction, by one
 * conditional UPDATE … RETURNING and one multi-row INSERT. The UPDATE keeps
 * the per-row condition `entries_used = <seen>`, so batching changes no
 * outcome: of concurrent takes of one entry — in this center or another on
 * the same database — one wins. One take per ticket per batch, so "who won"
 * is never ambiguous.
 */
import type { MikroORM } from '@mikro-orm/core';
import { caseById, GroupCommit, type SqlTx } from '../db/group-commit.js';

export interface EntryTake {
  readonly ticketId: string;
  /** entries_used as the judge saw it; the take wins only if it is still that. */
  readonly seenEntriesUsed: number;
  readonly productId: string;
  readonly orderId: string;
  readonly gateId: string;
  readonly cardId: string;
  readonly at: Date;
}

export class EntryWriter {
  private readonly commits: GroupCommit<EntryTake, boolean>;

  constructor(orm: MikroORM) {
    this.commits = new GroupCommit(orm, writeEntries, { key: (take) => take.ticketId });
  }

  /** True when this take recorded entry seenEntriesUsed + 1; false when someone else took it first. */
  take(take: EntryTake): Promise<boolean> {
    return this.commits.submit(take);
  }
}

async function writeEntries(sql: SqlTx, takes: readonly EntryTake[]): Promise<boolean[]> {
  const gate = caseById(sql, takes, (t) => t.ticketId, (t) => t.gateId);
  const at = caseById(sql, takes, (t) => t.ticketId, (t) => t.at, 'timestamptz');
  const conditions = takes.map(() => '(id = ? and entries_used = ?)').join(' or ');
  const rows = await sql.all<{ id: string }>(
    `update tickets set entries_used = entries_used + 1, ` +
      `first_used_gate = case when entries_used = 0 then (${gate.sql}) else first_used_gate end, ` +
      `first_used_at = case when entries_used = 0 then (${at.sql}) else first_used_at end ` +
      `where state = 'issued' and (${conditions}) returning id`,
    [
      ...gate.params,
      ...at.params,
      ...takes.flatMap((t) => [t.ticketId, t.seenEntriesUsed]),
    ],
  );
  const won = new Set(rows.map((row) => row.id));
  const winners = takes.filter((t) => won.has(t.ticketId));
  if (winners.length > 0) {
    await sql.run(
      `insert into redemptions (ticket_id, entry_number, product_id, order_id, gate_id, card_id, redeemed_at) values ${winners.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      winners.flatMap((t) => [t.ticketId, t.seenEntriesUsed + 1, t.productId, t.orderId, t.gateId, t.cardId, t.at]),
    );
  }
  return takes.map((t) => won.has(t.ticketId));
}
