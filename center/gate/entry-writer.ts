/**
 * Group commit for redemptions: entries taken while a write is in flight are
 * written together, in one transaction, by one conditional UPDATE … RETURNING
 * and one multi-row INSERT. A gate's answer waits for its batch to commit, so
 * an admit that was answered is in the database (durability is the
 * database's: see db/orm.ts). The UPDATE keeps the per-row condition
 * `entries_used = <seen>`, so batching changes no outcome: of concurrent takes
 * of one entry — in this center or another on the same database — one wins.
 */
import type { MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/sqlite';

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

interface Pending {
  readonly take: EntryTake;
  resolve(won: boolean): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 256;

export class EntryWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly orm: MikroORM) {}

  /** True when this take recorded entry seenEntriesUsed + 1; false when someone else took it first. */
  take(take: EntryTake): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ take, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      // One take per ticket per batch, so "who won" is unambiguous; the others wait for the next batch (and lose there).
      const batch: Pending[] = [];
      const later: Pending[] = [];
      const ids = new Set<string>();
      for (const pending of this.queue) {
        if (batch.length < MAX_BATCH && !ids.has(pending.take.ticketId)) {
          ids.add(pending.take.ticketId);
          batch.push(pending);
        } else {
          later.push(pending);
        }
      }
      this.queue = later;
      try {
        const won = await this.write(batch.map((p) => p.take));
        for (const pending of batch) pending.resolve(won.has(pending.take.ticketId));
      } catch {
        // A failed batch (e.g. a PostgreSQL deadlock with another center's batch): each take on its own.
        for (const pending of batch) {
          await this.write([pending.take]).then((won) => pending.resolve(won.has(pending.take.ticketId)), pending.reject);
        }
      }
    }
    this.writing = false;
  }

  /** Writes one batch in one transaction; returns the ticket ids whose entry was taken. */
  private async write(takes: readonly EntryTake[]): Promise<Set<string>> {
    const postgres = this.orm.em.getPlatform() instanceof PostgreSqlPlatform;
    const cast = (type: string) => (postgres ? `::${type}` : '');
    const gateCases = takes.map(() => `when ? then ?${cast('varchar')}`).join(' ');
    const atCases = takes.map(() => `when ? then ?${cast('timestamptz')}`).join(' ');
    const conditions = takes.map(() => '(id = ? and entries_used = ?)').join(' or ');
    const update =
      `update tickets set entries_used = entries_used + 1, ` +
      `first_used_gate = case when entries_used = 0 then (case id ${gateCases} end) else first_used_gate end, ` +
      `first_used_at = case when entries_used = 0 then (case id ${atCases} end) else first_used_at end ` +
      `where state = 'issued' and (${conditions}) returning id`;
    const params = [
      ...takes.flatMap((t) => [t.ticketId, t.gateId]),
      ...takes.flatMap((t) => [t.ticketId, t.at]),
      ...takes.flatMap((t) => [t.ticketId, t.seenEntriesUsed]),
    ];
    const em = this.orm.em.fork() as unknown as SqlEntityManager;
    return em.transactional(async (tx): Promise<Set<string>> => {
      const connection = tx.getConnection();
      const context = tx.getTransactionContext();
      const rows = await connection.execute<Array<{ id: string }>>(update, params, 'all', context);
      const won = new Set<string>(rows.map((row: { id: string }) => row.id));
      const winners = takes.filter((t) => won.has(t.ticketId));
      if (winners.length > 0) {
        await connection.execute(
          `insert into redemptions (ticket_id, entry_number, product_id, order_id, gate_id, card_id, redeemed_at) values ${winners.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          winners.flatMap((t) => [t.ticketId, t.seenEntriesUsed + 1, t.productId, t.orderId, t.gateId, t.cardId, t.at]),
          'run',
          context,
        );
      }
      return won;
    });
  }
}
