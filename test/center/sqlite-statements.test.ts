/**
 * The hot statements' kept prepared statements (center/db/sqlite-statements.ts),
 * on a real SQLite file through the ORM's own connection pool: a kept
 * statement answers each run with that run's parameters, a statement SQLite
 * cannot prepare fails with SQLite's reason, kept statements hold no lock
 * between runs, and the database still closes with statements kept.
 */
import test from 'ava';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../center/db/orm.js';
import { withConnection } from '../../center/db/raw-sql.js';

async function database(
  t: { teardown(fn: () => unknown): void },
  path = join(mkdtempSync(join(tmpdir(), 'cardgate-statements-')), 'center.sqlite'),
): Promise<MikroORM> {
  t.teardown(() => rmSync(dirname(path), { recursive: true, force: true }));
  const orm = await openDatabase({ kind: 'sqlite', path });
  await withConnection(orm, (sql) => sql.run('create table notes (id integer primary key, body text)', []));
  return orm;
}

test('a statement run again answers with the new parameters each time', async (t) => {
  const orm = await database(t);
  t.teardown(() => orm.close());
  const rows = await withConnection(orm, async (sql) => {
    const seen: unknown[] = [];
    for (const body of ['first', 'second', 'third']) {
      await sql.run('insert into notes (body) values (?)', [body]);
      seen.push(await sql.all<{ body: string }>('select body from notes where body = ?', [body]));
    }
    return seen;
  });
  t.deepEqual(rows, [[{ body: 'first' }], [{ body: 'second' }], [{ body: 'third' }]]);
});

test('a statement SQLite cannot prepare fails with its reason, and the connection goes on working', async (t) => {
  const orm = await database(t);
  t.teardown(() => orm.close());
  await withConnection(orm, async (sql) => {
    await t.throwsAsync(sql.all('select body from no_such_table', []), { message: /no such table: no_such_table/ });
    await t.throwsAsync(sql.all('select body from no_such_table', []), { message: /no such table: no_such_table/ }); // not kept broken
    t.deepEqual(await sql.all('select count(*) as n from notes', []), [{ n: 0 }]);
  });
});

test('kept statements hold no read lock between runs: a checkpoint can empty the write-ahead log', async (t) => {
  const orm = await database(t);
  t.teardown(() => orm.close());
  // Several connections at once, each keeping statements, then a full checkpoint from one of them.
  await Promise.all(
    Array.from({ length: 4 }, (_, i) =>
      withConnection(orm, async (sql) => {
        await sql.run('insert into notes (body) values (?)', [`note ${i}`]);
        await sql.all('select * from notes where id > ?', [0]);
      }),
    ),
  );
  const [checkpoint] = await withConnection(orm, (sql) =>
    sql.all<{ busy: number; log: number; checkpointed: number }>('pragma wal_checkpoint(truncate)', []),
  );
  t.is(checkpoint!.busy, 0);
});

test('the database closes with statements kept, more of them than are kept per connection', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'cardgate-statements-')), 'center.sqlite');
  const orm = await database(t, path);
  await withConnection(orm, async (sql) => {
    for (let n = 1; n <= 80; n++) await sql.all(`select ${n} as n`, []); // 80 texts: the oldest are finalized on the way
  });
  t.true(existsSync(`${path}-wal`));
  await orm.close();
  // SQLite folds the write-ahead log into the file and removes it when its last connection closes:
  // a connection left open (SQLite refuses to close one with live statements) would keep it.
  t.false(existsSync(`${path}-wal`));
});
