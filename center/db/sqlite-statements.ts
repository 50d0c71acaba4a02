/**
 * Prepared statements kept per SQLite connection, for the hot statements of
 * raw-sql.ts. better-sqlite3 runs a statement on the calling thread, so a
 * kept statement costs only its binding and its run: no parse, and no trip
 * through a thread pool. Batches of different sizes are different texts, so
 * the least recently used are dropped past a limit (better-sqlite3 finalizes
 * a statement when it is collected, and closes a connection with live ones).
 */

/** The part of a better-sqlite3 statement this file uses. */
export interface SqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}
/** The part of a better-sqlite3 connection this file uses. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/**
 * Each statement of group commit comes in every batch size up to 256, and a hot sale's batch runs
 * seven of them: with 64 kept, batches kept preparing (~1 ms for a 50-row INSERT). 512 cost the
 * center ~10 MB of RSS under the bench's load.
 */
const KEPT_PER_CONNECTION = 512;

const keptBy = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

/**
 * Runs `sql` with `params` on the connection through a kept statement, and answers its rows (none
 * for a statement that returns none). Dates are bound as milliseconds and booleans as 0 or 1, as
 * knex binds them for the ORM, so both write the same values.
 */
export function allPrepared<Row>(connection: SqliteConnection, sql: string, params: readonly unknown[]): Row[] {
  try {
    const statement = statementFor(connection, sql);
    const values = params.map(bindable);
    if (!statement.reader) {
      statement.run(...values);
      return [];
    }
    return statement.all(...values) as Row[];
  } catch (error) {
    // better-sqlite3's SqliteError is not an Error subclass as Node knows one (no [object Error] tag): rethrown as one, code kept.
    const { message, code } = error as { message: string; code?: string };
    throw Object.assign(new Error(message, { cause: error }), { code });
  }
}

const bindable = (value: unknown) =>
  value instanceof Date ? value.valueOf() : typeof value === 'boolean' ? Number(value) : value;

function statementFor(connection: SqliteConnection, sql: string): SqliteStatement {
  let kept = keptBy.get(connection);
  if (!kept) keptBy.set(connection, (kept = new Map()));
  const found = kept.get(sql);
  if (found) {
    kept.delete(sql); // re-inserted below: a Map iterates in insertion order, so the first entry is the least recently used
    kept.set(sql, found);
    return found;
  }
  const statement = connection.prepare(sql);
  kept.set(sql, statement);
  if (kept.size > KEPT_PER_CONNECTION) kept.delete(kept.keys().next().value!);
  return statement;
}
