/**
 * Whole databases on a PostgreSQL server: whether one exists, and creating
 * and dropping them. A database is created only when someone asks for it
 * (`cardgate admin db create`, `cardgate center --create-database`, scratch
 * databases of tests and the benchmark): a mistyped name in `--db` must be
 * an error naming it, never a new empty database that answers "no terminals
 * yet" with exit 0.
 */
import { knex } from '@mikro-orm/postgresql';

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = knex({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  try {
    await client.raw(sql);
  } finally {
    await client.destroy();
  }
}

/** PostgreSQL's SQLSTATE for "database … does not exist". */
const INVALID_CATALOG_NAME = '3D000';

/** Whether the database `url` names exists (by connecting to it); other connection failures are thrown. */
export async function postgresDatabaseExists(url: string): Promise<boolean> {
  try {
    await onServer(url, 'select 1');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_CATALOG_NAME) return false;
    throw error;
  }
}

/** The database name and the server of a URL, fit to print (no user or password). */
function describe(url: string): { name: string; server: string } {
  const parsed = new URL(url);
  return { name: decodeURIComponent(parsed.pathname.slice(1)), server: parsed.host };
}

/**
 * Makes sure the database of `url` exists: creates it when `create` is set (and says so through the
 * returned `created`), else fails with an error naming the database and the way to create it.
 */
export async function ensurePostgresDatabase(url: string, create: boolean): Promise<{ created: boolean }> {
  if (await postgresDatabaseExists(url)) return { created: false };
  const { name, server } = describe(url);
  if (!create)
    throw new Error(
      `there is no database "${name}" on the PostgreSQL server ${server}: check the name in --db, ` +
        'or create it with `cardgate admin db create --db URL` (or `cardgate center --create-database`)',
    );
  await createPostgresDatabase(databaseUrl(url, 'postgres'), name);
  return { created: true };
}

const safeName = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`database name "${name}": use lower-case letters, digits and _`);
  return name;
};

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${safeName(name)}`;
  return url.toString();
}

/** Creates database `name` and returns its URL. */
export async function createPostgresDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, `create database ${safeName(name)}`);
  return databaseUrl(serverUrl, name);
}

/** Drops database `name`, disconnecting anyone still on it. */
export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `drop database if exists ${safeName(name)} with (force)`);
}
