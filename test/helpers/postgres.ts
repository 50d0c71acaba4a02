/**
 * A scratch PostgreSQL database per test: created on the server in
 * CARDGATE_TEST_POSTGRES (default: the local server .ci/prepare starts) and
 * dropped at teardown. Without a reachable server the test is skipped
 * locally, but fails in CI (CI=true), where PostgreSQL must be there.
 */
import { randomBytes } from 'node:crypto';
import type { ExecutionContext } from 'ava';
import { createPostgresDatabase, dropPostgresDatabase } from '../../center/db/postgres-databases.js';

export const POSTGRES_SERVER = process.env.CARDGATE_TEST_POSTGRES ?? 'postgres://root:cardgate@127.0.0.1:5432/postgres';

/** The URL of a new empty database, or undefined (test passed as skipped) when no server is reachable outside CI. */
export async function scratchPostgres(t: ExecutionContext): Promise<string | undefined> {
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  try {
    url = await createPostgresDatabase(POSTGRES_SERVER, name);
  } catch (error) {
    const why = `PostgreSQL at ${POSTGRES_SERVER.replace(/:[^:@/]*@/, ':***@')} is unreachable: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(why);
    t.log(`skipped: ${why}`);
    t.pass();
    return undefined;
  }
  t.teardown(() => dropPostgresDatabase(POSTGRES_SERVER, name));
  return url;
}
