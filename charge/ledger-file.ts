/**
 * The charge terminal's SQLite file: one better-sqlite3 connection (statements
 * run on the calling thread, prepared once), in WAL mode with synchronous=FULL, since an approval the terminal answered must survive a
 * crash or a power cut (the center may already have issued tickets on it).
 * Work is group-committed: everything submitted before a transaction starts
 * (the transfers of one TransferCharges call, or those of one turn of the
 * event loop) runs in it, in order, so a burst of N charges costs one fsync
 * instead of N, and nothing is answered before its transaction is durable.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, SCHEMA } from './ledger-schema.js';

/** What a unit of work may do inside its transaction. */
export interface LedgerSql {
  get<Row>(sql: string, params: readonly unknown[]): Promise<Row | undefined>;
  run(sql: string, params: readonly unknown[]): Promise<void>;
}

interface Queued {
  readonly work: (sql: LedgerSql) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 256;

export class LedgerFile {
  private readonly db: Database.Database | undefined;
  private readonly ready: Promise<void>;
  private queue: Queued[] = [];
  private writing = false;
  private closed = false;
  /** Statements by text, prepared once: the ledger runs the same two for every charge. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly sql: LedgerSql = {
    get: (text, params) => new Promise((done) => done(this.statement(text).get(...params) as never)),
    run: (text, params) => new Promise((done) => done(void this.statement(text).run(...params))),
  };

  /** Opens (or creates) `path`; ':memory:' keeps the ledger for the life of the process only. */
  constructor(readonly path: string) {
    if (path !== ':memory:') {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      // Readable by the terminal's own user only (SQLite gives its -wal and -shm files the same mode): the
      // ledger holds no card data, but it does hold who paid what.
      closeSync(openSync(path, 'a', 0o600));
      chmodSync(path, 0o600);
    }
    try {
      this.db = new Database(path);
      this.ready = this.prepare();
    } catch (error) {
      this.ready = Promise.reject(error as Error);
    }
    this.ready = this.ready.catch((error: Error) => {
      throw new Error(`cannot open the charge ledger ${path}: ${error.message}`);
    });
    this.ready.catch(() => undefined); // reported by opened() and by every transaction
  }

  /** Resolves once the file is open and its schema current; rejects with a message naming the file. */
  opened(): Promise<void> {
    return this.ready;
  }

  /** Runs `work` in the next transaction and resolves with its result once that transaction is durable. */
  transaction<R>(work: (sql: LedgerSql) => Promise<R>): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the charge ledger is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // After the running code has queued the rest of its burst: a TransferCharges call's transfers share one.
      queueMicrotask(() => void this.drain());
    });
  }

  /** Lets queued work finish, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    // Queued behind everything else: it runs once the work before it has committed.
    await new Promise((resolve, reject) => {
      this.queue.push({ work: async () => undefined, resolve, reject });
      void this.drain();
    }).catch(() => undefined);
    this.db?.close();
  }

  private async prepare(): Promise<void> {
    await this.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    const { user_version: version } = (await this.sql.get<{ user_version: number }>('PRAGMA user_version', []))!;
    if (version > SCHEMA_VERSION)
      throw new Error(`it was written by a newer cardgate (schema ${version}; this one knows ${SCHEMA_VERSION})`);
    if (version < SCHEMA_VERSION)
      await this.exec(`BEGIN IMMEDIATE; ${SCHEMA}; PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
  }

  private exec(text: string): Promise<void> {
    return new Promise((done) => done(void this.db!.exec(text)));
  }

  private statement(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db!.prepare(text)));
    return statement;
  }

  /**
   * One batch at a time. Work that throws is expected to throw before it writes (its caller gets
   * the error, the rest of the batch commits); a failing statement or commit fails the whole batch.
   */
  private async drain(): Promise<void> {
    if (this.writing || !this.queue.length) return;
    this.writing = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.ready;
      await this.exec('BEGIN IMMEDIATE');
      for (const item of batch) {
        try {
          results.push({ ok: true, value: await item.work(this.sql) });
        } catch (error) {
          if (isSqliteError(error)) throw error;
          results.push({ ok: false, error });
        }
      }
      await this.exec('COMMIT');
      batch.forEach((item, i) => {
        const result = results[i]!;
        if (result.ok) item.resolve(result.value);
        else item.reject(result.error);
      });
    } catch (error) {
      await this.exec('ROLLBACK').catch(() => undefined);
      for (const item of batch) item.reject(error);
    } finally {
      this.writing = false;
      void this.drain();
    }
  }
}

function isSqliteError(error: unknown): boolean {
  return error instanceof Database.SqliteError;
}
