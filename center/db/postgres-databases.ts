/**
 * Creates and drops whole databases on a PostgreSQL server, for scratch
 * databases (tests, the benchmark): connects to the server's URL as given,
 * runs one statement, disconnects.
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
