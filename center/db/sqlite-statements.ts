/**
 * Prepared statements kept per SQLite connection, for the hot statements of
 * raw-sql.ts. node-sqlite3's `db.all(sql, …)` prepares, runs and finalizes a
 * new statement every time: two trips through the thread pool before the
 * answer (prepare, then run), each one waiting its turn on a busy event loop.
 * A kept statement is bound and run in one trip. Batches of different sizes
 * are different texts, so the least recently used are finalized past a limit.
 * node-sqlite3 refuses to close a connection with live statements, so the
 * first statement kept on a connection wraps its close (which knex calls when
 * it reaps or destroys the connection) to finalize them first.
 */
export interface SqliteStatement {
  all(params: unknown[], done: (error: Error | null, rows: unknown[]) => void): unknown;
  finalize(done?: () => void): unknown;
}
export interface SqliteConnection {
  prepare(sql: string, done: (error: Error | null) => void): SqliteStatement;
  close(done: (error: Error | null) => void): unknown;
}

const KEPT_PER_CONNECTION = 64;

interface Kept {
  readonly statement: SqliteStatement;
  /** Settles when preparing is done. A run queued behind a prepare that fails is dropped by node-sqlite3 without an answer, so the first run waits for this. */
  readonly ready: Promise<void>;
  prepared: boolean;
}

const keptBy = new WeakMap<SqliteConnection, Map<string, Kept>>();

/** Runs `sql` with `params` on the connection through a kept statement. */
export async function allPrepared<Row>(
  connection: SqliteConnection,
  sql: string,
  params: readonly unknown[],
): Promise<Row[]> {
  const kept = statementFor(connection, sql);
  if (!kept.prepared) await kept.ready;
  return new Promise((resolve, reject) =>
    kept.statement.all([...params], (error, rows) => (error ? reject(error) : resolve(rows as Row[]))),
  );
}

function statementFor(connection: SqliteConnection, sql: string): Kept {
  const kept = keptOn(connection);
  const found = kept.get(sql);
  if (found) {
    kept.delete(sql); // re-inserted below: a Map iterates in insertion order, so the first entry is the least recently used
    kept.set(sql, found);
    return found;
  }
  let statement!: SqliteStatement;
  const ready = new Promise<void>((resolve, reject) => {
    statement = connection.prepare(sql, (error) => {
      if (!error) {
        fresh.prepared = true;
        return resolve();
      }
      if (kept.get(sql) === fresh) kept.delete(sql);
      reject(error);
    });
  });
  const fresh: Kept = { statement, ready, prepared: false };
  kept.set(sql, fresh);
  if (kept.size > KEPT_PER_CONNECTION) {
    const [oldestSql, oldest] = kept.entries().next().value!;
    kept.delete(oldestSql);
    oldest.statement.finalize(); // queued behind any run still using it
  }
  return fresh;
}

function keptOn(connection: SqliteConnection): Map<string, Kept> {
  let kept = keptBy.get(connection);
  if (!kept) {
    const statements = new Map<string, Kept>();
    const close = connection.close.bind(connection);
    connection.close = (done) => {
      const live = [...statements.values()];
      statements.clear();
      const finalized = live.map(({ statement, ready }) =>
        ready.then(
          () => new Promise<void>((ok) => statement.finalize(() => ok())),
          () => undefined,
        ),
      );
      void Promise.all(finalized).then(() => close(done));
    };
    keptBy.set(connection, statements);
    kept = statements;
  }
  return kept;
}
