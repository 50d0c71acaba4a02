/**
 * The gate's SQLite file (SPEC §9): its off-line decisions and the last
 * manifest, through the project's SQLite driver (better-sqlite3). One connection in WAL mode
 * with synchronous=FULL, like the charge ledger (charge/ledger-file.ts): a
 * decision is on disk before the verdict shows, and survives a SIGKILL or a
 * power cut. Readable by the gate's own user only: it holds buyers' tickets.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

const SCHEMA_VERSION = 2;
const SCHEMA = `
  create table entries (
    seq integer primary key autoincrement,
    entry_id text not null unique,
    card_id text not null,
    ticket_id text not null,
    ticket blob not null,
    direction text not null,
    decided_at integer not null,
    admitted integer not null,
    reason integer not null,
    reentry integer not null,
    annulled integer not null default 0,
    uploaded integer not null default 0
  );
  create index entries_ticket on entries (ticket_id);
  create table manifest (id integer primary key check (id = 1), version text not null, bytes blob not null);
`;
/** Version 2: entries this gate could not write onto their card (taken off too soon), written when it is back. */
const SCHEMA_2 = `
  create table card_writes (
    card_id text not null,
    ticket_id text not null,
    gate_id text not null,
    at integer not null,
    direction text not null,
    reentry integer not null,
    primary key (card_id, ticket_id, at, direction)
  );
`;

export interface JournalSql {
  all<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/** Opens (or creates) the file at `path`; rejects with a message naming it. */
export async function openJournalFile(path: string): Promise<JournalSql & { close(): Promise<void> }> {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  } catch (error) {
    throw new Error(`cannot open the gate journal ${path}: ${(error as Error).message}`, { cause: error });
  }
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new Error(`cannot open the gate journal ${path}: ${(error as Error).message}`, { cause: error });
  }
  const exec = (text: string) => new Promise<void>((done) => done(void db.exec(text)));
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let prepared = statements.get(text);
    if (!prepared) statements.set(text, (prepared = db.prepare(text)));
    return prepared;
  };
  const sql: JournalSql = {
    all: (text, params = []) =>
      new Promise((done) => {
        const prepared = statement(text);
        done((prepared.reader ? prepared.all(...params) : (prepared.run(...params), [])) as never);
      }),
    run: (text, params = []) => new Promise((done) => done(void statement(text).run(...params))),
  };
  try {
    await exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    const [{ user_version: version }] = await sql.all<{ user_version: number }>('PRAGMA user_version');
    if (version > SCHEMA_VERSION)
      throw new Error(`it was written by a newer cardgate (schema ${version}; this one knows ${SCHEMA_VERSION})`);
    if (version < SCHEMA_VERSION) {
      const steps = [version < 1 ? SCHEMA : '', SCHEMA_2].join(';');
      await exec(`BEGIN IMMEDIATE; ${steps}; PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
    }
  } catch (error) {
    db.close();
    throw new Error(`cannot open the gate journal ${path}: ${(error as Error).message}`, { cause: error });
  }
  return { ...sql, close: async () => void db.close() };
}
