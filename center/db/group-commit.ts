/**
 * Group commit: work submitted while a write is in flight is written
 * together in the next transaction, so a burst of N concurrent sales or
 * redemptions costs one commit (and a few multi-row statements) instead of N.
 * Each caller's promise settles once its batch has committed, so an answer
 * never goes out before its row is durable. If a batch fails as a whole, each
 * of its items is written again on its own, so one bad item fails alone.
 */
import type { MikroORM } from '@mikro-orm/core';
import { rawTransaction, withConnection, type SqlTx } from './raw-sql.js';

export type { SqlTx } from './raw-sql.js';

export type BatchWrite<T, R> = (tx: SqlTx, items: readonly T[]) => Promise<R[]>;

export interface GroupCommitOptions<T> {
  readonly maxBatch?: number;
  /** Items with the same key never share a batch: the later ones wait for the next. */
  readonly key?: (item: T) => string;
  /** The write is one statement, atomic on its own: no BEGIN/COMMIT around it (two fewer round trips). */
  readonly oneStatement?: boolean;
  /**
   * For writes nobody waits for (a log): how long the first item of a batch waits for others. A
   * commit costs an fsync whatever its size, and on SQLite a statement runs on the main thread
   * as soon as it is submitted, so without a wait such writes commit one or two rows at a time.
   */
  readonly lingerMs?: number;
}

interface Pending<T, R> {
  readonly item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private writing = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly write: BatchWrite<T, R>,
    private readonly options: GroupCommitOptions<T> = {},
  ) {}

  /** Resolves with this item's result once its batch has committed. */
  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        const linger = this.options.lingerMs;
        if (linger) setTimeout(() => void this.drain(), linger);
        else setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      try {
        const results = await this.transaction(batch.map((p) => p.item));
        batch.forEach((pending, i) => pending.resolve(results[i]!));
      } catch {
        // One failed batch (a constraint, a PostgreSQL deadlock with another center): each item on its own.
        for (const pending of batch) {
          await this.transaction([pending.item]).then(([result]) => pending.resolve(result!), pending.reject);
        }
      }
    }
    this.writing = false;
  }

  private takeBatch(): Pending<T, R>[] {
    const max = this.options.maxBatch ?? 256;
    const key = this.options.key;
    if (!key) {
      const batch = this.queue.slice(0, max);
      this.queue = this.queue.slice(max);
      return batch;
    }
    const batch: Pending<T, R>[] = [];
    const later: Pending<T, R>[] = [];
    const keys = new Set<string>();
    for (const pending of this.queue) {
      const k = key(pending.item);
      if (batch.length < max && !keys.has(k)) {
        keys.add(k);
        batch.push(pending);
      } else {
        later.push(pending);
      }
    }
    this.queue = later;
    return batch;
  }

  private transaction(items: readonly T[]): Promise<R[]> {
    const run = this.options.oneStatement ? withConnection : rawTransaction;
    return run(this.orm, (sql) => this.write(sql, items));
  }
}

/** `?, ?, ?` for n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Column types as PostgreSQL names them, for `valuesRows`. */
export type SqlType = 'varchar' | 'integer' | 'bytea' | 'timestamptz' | 'boolean';

/**
 * `(?, ?, …), (?, ?, …)`: `count` rows of a VALUES list whose columns have these types. On
 * PostgreSQL each parameter says its type, because a VALUES list gives it none (a `bytea`
 * column compared with an untyped parameter fails); SQLite needs nothing.
 */
export function valuesRows(sql: SqlTx, types: readonly SqlType[], count: number): string {
  const row = `(${types.map((type) => `?${sql.cast(type)}`).join(', ')})`;
  return Array.from({ length: count }, () => row).join(', ');
}

/** `case id when ? then ? … end`: a value per row in one UPDATE, with its parameters. */
export function caseById<T>(
  sql: SqlTx,
  rows: readonly T[],
  id: (row: T) => string,
  value: (row: T) => unknown,
  type = 'varchar',
) {
  return {
    sql: `case id ${rows.map(() => `when ? then ?${sql.cast(type)}`).join(' ')} end`,
    params: rows.flatMap((row) => [id(row), value(row)]),
  };
}
