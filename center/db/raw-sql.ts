/**
 * Statements and transactions straight on a driver connection borrowed from the ORM's pool,
 * for the few hot statements of group commit. Through MikroORM and knex each
 * statement costs about 350 µs of CPU more than on the driver itself
 * (measured: a one-row insert 484 µs against 131 µs), which a batch of a few
 * statements pays once per batch but a busy center pays thousands of times a
 * second. The statements are prepared once per connection (on SQLite in
 * sqlite-statements.ts, on PostgreSQL as named statements). They use `?`
 * placeholders on both databases.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/better-sqlite';
import { allPrepared, type SqliteConnection } from './sqlite-statements.js';

/** Raw SQL inside one transaction. */
export interface SqlTx {
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params: readonly unknown[]): Promise<void>;
  /**
   * `::type` on PostgreSQL, where a parameter inside CASE or VALUES needs its type spelled out; empty on SQLite.
   * For the statement helpers of this folder (`valuesRows`, `updateByIds` in group-commit.ts): feature code uses those
   * and never asks which database it runs on.
   */
  cast(type: string): string;
}

interface PostgresConnection {
  query(query: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<SqliteConnection | PostgresConnection>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** `?` → `$1, $2, …` for PostgreSQL (no statement of ours has a `?` inside a string). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * PostgreSQL: a name for each text, so that each connection parses and plans
 * it once (the driver remembers which names it has prepared) and later runs
 * send only the parameters. Our texts are few: a handful of statements, each
 * in the batch sizes group commit makes.
 */
const postgresStatements = new Map<string, { name: string; text: string }>();
function postgresStatement(sql: string): { name: string; text: string } {
  let statement = postgresStatements.get(sql);
  if (!statement) {
    statement = { name: `cardgate_${postgresStatements.size + 1}`, text: numbered(sql) };
    postgresStatements.set(sql, statement);
  }
  return statement;
}

/** A JSON column as text, for a LIKE over its encoding: PostgreSQL keeps it as json, SQLite as text already. */
export const jsonText = (sql: SqlTx, column: string): string => `${column}${sql.cast('text')}`;

export function isPostgres(orm: MikroORM): boolean {
  return orm.em.getPlatform().constructor.name === 'PostgreSqlPlatform'; // by name: that driver is loaded only for PostgreSQL
}

/**
 * True when one more statement sent alongside another costs no network round trip: SQLite runs
 * in this process, so a read queued with a write only waits its turn on the connection. On
 * PostgreSQL each statement is one more round trip to the server, which a caller that could do
 * without it should save.
 */
export function extraStatementIsCheap(orm: MikroORM): boolean {
  return !isPostgres(orm);
}

/**
 * How long after a row took its id it may still commit, for readers that follow a table by id:
 * on SQLite one writer commits at a time, in id order; on PostgreSQL ids are taken when a row is
 * inserted and transactions commit in any order, so a later id can be visible before an earlier one.
 */
export function idCommitLagMs(orm: MikroORM): number {
  return isPostgres(orm) ? 1_000 : 0;
}

/** Runs `work` on a pooled connection (each statement on its own, autocommitted), then gives the connection back. */
export async function withConnection<T>(orm: MikroORM, work: (sql: SqlTx) => Promise<T>): Promise<T> {
  const client = (orm.em as unknown as SqlEntityManager).getKnex().client as unknown as KnexClient;
  const postgres = isPostgres(orm);
  const connection = await client.acquireConnection();
  const all = <Row>(sql: string, params: readonly unknown[]): Promise<Row[]> =>
    postgres
      ? (connection as PostgresConnection)
          .query({ ...postgresStatement(sql), values: [...params] })
          .then((result) => result.rows as Row[])
      : new Promise<Row[]>((resolve) => resolve(allPrepared<Row>(connection as SqliteConnection, sql, params)));
  try {
    return await work({
      all,
      run: async (sql, params) => void (await all(sql, params)),
      cast: (type) => (postgres ? `::${type}` : ''),
    });
  } finally {
    await client.releaseConnection(connection);
  }
}

/** Runs `work` in a transaction on a pooled connection; commits if it resolves, rolls back if it throws. */
export function rawTransaction<T>(orm: MikroORM, work: (sql: SqlTx) => Promise<T>): Promise<T> {
  return withConnection(orm, async (tx) => {
    // SQLite: take the write lock up front, so the transaction never has to upgrade a read lock (which can fail at once).
    await tx.run(isPostgres(orm) ? 'begin' : 'begin immediate', []);
    try {
      const result = await work(tx);
      await tx.run('commit', []);
      return result;
    } catch (error) {
      await tx.run('rollback', []).catch(() => undefined);
      throw error;
    }
  });
}
