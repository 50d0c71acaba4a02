/**
 * Opens the center's database with MikroORM and brings its schema up to date
 * with the committed migrations, so every command that takes --db works on a
 * new database.
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/core';

type Extension = NonNullable<Options['extensions']>[number];
import type { DatabaseTarget } from '../config.js';
import { ENTITIES } from './entities.js';

const migrationsRoot = fileURLToPath(new URL('./migrations/', import.meta.url));

/** MikroORM options for a target. */
function ormOptions(target: DatabaseTarget, migrator: Extension, driver: Options['driver']): Options {
  const migrationsPath = resolve(migrationsRoot, target.kind);
  const common = {
    entities: ENTITIES,
    extensions: [migrator],
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      snapshot: false,
      silent: true,
    },
    preferTs: true,
    allowGlobalContext: false,
    debug: false,
  } satisfies Options;
  if (target.kind === 'postgres') {
    // synchronous_commit on, whatever the server's default: a commit is answered once it is on disk (the WAL
    // flushed). ensureDatabase off: MikroORM would otherwise create a missing database, a mistyped name included.
    const durable = { connection: { options: '-c synchronous_commit=on' } };
    return {
      ...common,
      driver,
      clientUrl: target.url,
      driverOptions: durable,
      ensureDatabase: false,
    } as Options;
  }
  return {
    ...common,
    driver,
    dbName: target.path,
    pool: {
      // One connection: better-sqlite3 runs statements on the main thread, so a second connection
      // waiting on the busy timeout for the write lock would block the very thread the first
      // one's transaction needs to commit. Statements queue for the connection instead.
      min: 1,
      max: 1,
      // WAL lets other processes read while the center commits; synchronous=FULL syncs the WAL at every commit,
      // so an answered sale or admission survives a power cut, not only a process crash (NORMAL
      // would lose the last commits to an OS crash). Group commit makes one sync serve a batch.
      // busy_timeout lets admin commands share the file with a running center.
      afterCreate(connection: { exec(sql: string): void }, done: (error: Error | null, connection: unknown) => void) {
        try {
          connection.exec(
            'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;',
          );
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  } as Options;
}

export interface OpenDatabaseOptions {
  /** Create a missing PostgreSQL database (SQLite files are always created): only on an explicit request. */
  readonly createDatabase?: boolean;
}

/** Connects and runs pending migrations; a PostgreSQL database that does not exist is an error unless `createDatabase`. */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<MikroORM> {
  if (target.kind === 'sqlite' && target.path !== ':memory:')
    mkdirSync(dirname(resolve(target.path)), { recursive: true });
  // The drivers and the migrator are loaded when a database is opened, not when a command that might open one is
  // registered: every `cardgate` start (even --version) used to pay ~0.4 s for them.
  const { Migrator } = await import('@mikro-orm/migrations');
  let orm: MikroORM;
  if (target.kind === 'postgres') {
    const { ensurePostgresDatabase } = await import('./postgres-databases.js');
    await ensurePostgresDatabase(target.url, options.createDatabase ?? false);
    // Loaded only when asked for: the PostgreSQL driver costs a SQLite center memory for nothing.
    const { MikroORM: PostgresORM, PostgreSqlDriver } = await import('@mikro-orm/postgresql');
    orm = await PostgresORM.init(ormOptions(target, Migrator, PostgreSqlDriver) as never);
  } else {
    const { MikroORM: SqliteORM, BetterSqliteDriver } = await import('@mikro-orm/better-sqlite');
    orm = await SqliteORM.init(ormOptions(target, Migrator, BetterSqliteDriver) as never);
  }
  await orm.getMigrator().up();
  return orm;
}
