/** `cardgate admin token create` works on a new database and prints a token a terminal can use (SPEC §3). */
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { centerConfig } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { CenterClient } from '../../terminal/center-client.js';

const CLI = join(import.meta.dirname, '../../cli/main.ts');
const cardgate = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args]);

test('a token created on a new database is the last line printed and is accepted by the center', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const db = `sqlite:${join(dir, 'new.sqlite')}`;
  const { stdout } = await cardgate('admin', 'token', 'create', '--db', db, '--role', 'gate', '--name', 'gate-north');
  const token = stdout.trim().split('\n').at(-1)!;
  t.regex(token, /^cg_gate_/);

  const listed = await cardgate('admin', 'token', 'list', '--db', db);
  t.regex(listed.stdout, /gate\s+gate-north/);
  t.false(listed.stdout.includes(token), 'tokens are stored hashed and never shown again');

  const center = await createCenter(
    centerConfig({ listen: '127.0.0.1:0', database: { kind: 'sqlite', path: join(dir, 'new.sqlite') } }),
  );
  t.teardown(() => center.stop());
  const client = new CenterClient(`127.0.0.1:${await center.listen()}`, token);
  t.teardown(() => client.close());
  t.is((await client.whoAmI()).terminalName, 'gate-north');
});

test('a bad role is refused with a clear message', async (t) => {
  const error = await t.throwsAsync(
    cardgate('admin', 'token', 'create', '--db', 'sqlite::memory:', '--role', 'boss', '--name', 'x'),
  );
  t.regex((error as unknown as { stderr: string }).stderr, /role must be one of kiosk, gate, admin/);
});
