/**
 * A scratch PostgreSQL database per test: created on the server in
 * CARDGATE_TEST_POSTGRES (default: the local server .ci/prepare starts) and
 * dropped at teardown. The server is probed once when the test file loads:
 * without one, `postgresTest` declares its tests skipped (ava lists them as
 * skipped, never as passed) — except in CI (CI=true), where PostgreSQL must be
 * there and each test fails saying why.
 */
import { randomBytes } from 'node:crypto';
import test, { type ExecutionContext } from 'ava';
import { createPostgresDatabase, dropPostgresDatabase } from '../../center/db/postgres-databases.js';

export const POSTGRES_SERVER = process.env.CARDGATE_TEST_POSTGRES ?? 'postgres://root:cardgate@127.0.0.1:5432/postgres';
const shown = POSTGRES_SERVER.replace(/:[^:@/]*@/, ':***@');

async function probe(): Promise<string | undefined> {
  const name = `cg_probe_${randomBytes(6).toString('hex')}`;
  try {
    await createPostgresDatabase(POSTGRES_SERVER, name);
    await dropPostgresDatabase(POSTGRES_SERVER, name);
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${shown} is unreachable: ${(error as Error).message} (npm test starts it: .ci/prepare test)`;
  }
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export const postgresMissing = await probe();

/** A test that needs PostgreSQL: skipped (and shown so) without a server, failing in CI. */
export function postgresTest(title: string, impl: (t: ExecutionContext, url: string) => Promise<void>): void {
  if (postgresMissing && process.env.CI !== 'true') {
    test.skip(`${title} (skipped: ${postgresMissing})`, () => {});
    return;
  }
  test(title, async (t) => {
    if (postgresMissing) return t.fail(postgresMissing);
    await impl(t, await scratchPostgres(t));
  });
}

/** The URL of a new empty database on the test server, dropped when the test ends. */
async function scratchPostgres(t: ExecutionContext): Promise<string> {
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  const url = await createPostgresDatabase(POSTGRES_SERVER, name);
  t.teardown(() => dropPostgresDatabase(POSTGRES_SERVER, name));
  return url;
}
