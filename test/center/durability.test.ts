/**
 * Durable by default (issue 19): a running center commits so that an
 * answered sale or admission survives a power cut, on SQLite (WAL with
 * synchronous=FULL) and on PostgreSQL (synchronous_commit on), read back
 * through the center's own connections — those its hot statements use too.
 */
import { knex } from '@mikro-orm/postgresql';
import test from 'ava';
import { withConnection } from '../../center/db/raw-sql.js';
import { postgresTest } from '../helpers/postgres.js';
import { startStack } from '../helpers/stack.js';

test('a SQLite center runs in WAL mode with synchronous=FULL on every connection', async (t) => {
  const stack = await startStack(t);
  const settings = await Promise.all(
    // More reads at once than the pool keeps connections, so every one of them answers.
    Array.from({ length: 6 }, () =>
      withConnection(stack.center.orm, async (sql) => ({
        journal: (await sql.all<{ journal_mode: string }>('pragma journal_mode', []))[0]!.journal_mode,
        synchronous: (await sql.all<{ synchronous: number }>('pragma synchronous', []))[0]!.synchronous,
      })),
    ),
  );
  for (const setting of settings) t.deepEqual(setting, { journal: 'wal', synchronous: 2 }, '2 is FULL');
});

postgresTest(
  'a PostgreSQL center commits with synchronous_commit on, even where the database says off',
  async (t, url) => {
    const name = new URL(url).pathname.slice(1);
    const server = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
    await server.raw(`alter database "${name}" set synchronous_commit = off`);
    await server.destroy();
    const stack = await startStack(t, { center: { database: { kind: 'postgres', url } } });
    const [row] = await withConnection(stack.center.orm, (sql) =>
      sql.all<{ synchronous_commit: string }>('show synchronous_commit', []),
    );
    t.is(row!.synchronous_commit, 'on');
  },
);
