/**
 * A PostgreSQL database is created only when asked for: a mistyped name in --db is an error naming it
 * (it used to answer "no terminals yet" with exit 0 and leave a new empty database behind).
 */
import { randomBytes } from 'node:crypto';
import { postgresDatabaseExists, databaseUrl, dropPostgresDatabase } from '../../center/db/postgres-databases.js';
import { runCardgate, startCardgate } from '../helpers/cli.js';
import { POSTGRES_SERVER, postgresTest } from '../helpers/postgres.js';
import { waitUntil } from '../helpers/wait.js';

postgresTest('admin token list on a mistyped database fails naming it and creates nothing', async (t) => {
  const name = `cg_typo_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(POSTGRES_SERVER, name);
  t.teardown(() => dropPostgresDatabase(POSTGRES_SERVER, name));
  const listed = await runCardgate(['admin', 'token', 'list', '--db', url]);
  t.is(listed.code, 1, listed.output);
  t.regex(listed.output, new RegExp(`no database "${name}" on the PostgreSQL server 127\\.0\\.0\\.1:5432`));
  t.regex(listed.output, /cardgate admin db create/);
  t.notRegex(listed.output, /no terminals yet/);
  t.false(await postgresDatabaseExists(url), 'the mistyped database was not created');
  t.false(listed.output.includes('cardgate@'), 'the password is not printed');
});

postgresTest('admin db create makes the database and its schema; then token commands work on it', async (t) => {
  const name = `cg_new_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(POSTGRES_SERVER, name);
  t.teardown(() => dropPostgresDatabase(POSTGRES_SERVER, name));
  const created = await runCardgate(['admin', 'db', 'create', '--db', url]);
  t.is(created.code, 0, created.output);
  t.regex(created.output, new RegExp(`created the database ${name}`));
  t.true(await postgresDatabaseExists(url));
  const again = await runCardgate(['admin', 'db', 'create', '--db', url]);
  t.regex(again.output, new RegExp(`found the database ${name}`));
  const listed = await runCardgate(['admin', 'token', 'list', '--db', url]);
  t.is(listed.code, 0, listed.output);
  t.regex(listed.output, /no terminals yet/);
});

postgresTest('cardgate center on a missing database refuses to start unless --create-database', async (t) => {
  const name = `cg_center_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(POSTGRES_SERVER, name);
  t.teardown(() => dropPostgresDatabase(POSTGRES_SERVER, name));
  const refused = await runCardgate(['center', '--db', url, '--listen', '127.0.0.1:0']);
  t.is(refused.code, 1, refused.output);
  t.regex(refused.output, new RegExp(`no database "${name}"`));
  t.false(await postgresDatabaseExists(url));
});

postgresTest('cardgate center --create-database creates a missing database and serves on it', async (t) => {
  const name = `cg_center_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(POSTGRES_SERVER, name);
  const center = startCardgate(['center', '--db', url, '--listen', '127.0.0.1:0', '--create-database']);
  t.teardown(async () => {
    center.child.kill('SIGKILL');
    await dropPostgresDatabase(POSTGRES_SERVER, name);
  });
  await waitUntil('the center to listen', () => /sales center listening/.test(center.output()), {
    timeoutMs: 30_000,
    seen: center.output,
  });
  t.regex(center.output(), new RegExp(`created the database ${name}`));
  t.true(await postgresDatabaseExists(url));
});
