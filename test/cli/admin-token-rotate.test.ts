/** `token list` shows when each token was created and last used; `token rotate` replaces a token (issue 18). */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { runCardgate } from '../helpers/cli.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

interface TokenRow {
  name: string;
  created_at: string;
  rotated_at: string | null;
  last_used_at: string | null;
}

test('token list shows created and last used; the authenticator records a use', async (t) => {
  const stack = await startStack(t);
  const db = `sqlite:${stack.dbPath}`;
  const list = async () => {
    const run = await runCardgate(['admin', 'token', 'list', '--db', db, '--json']);
    if (run.code !== 0) throw new Error(run.output);
    return (JSON.parse(run.output) as TokenRow[]).find((row) => row.name === 'gate-1')!;
  };
  const before = await list();
  t.truthy(Date.parse(before.created_at));
  t.is(before.last_used_at, null);
  const text = await runCardgate(['admin', 'token', 'list', '--db', db]);
  t.regex(text.output, /^ID\s+ROLE\s+NAME\s+CREATED\s+LAST USED\s+STATE$/m);
  t.regex(text.output, /gate\s+gate-1\s+\S+ \S+\s+never\s+active$/m);

  const calledAt = Date.now();
  await stack.gate.whoAmI();
  const used = await waitUntil('a last use on gate-1', async () => (await list()).last_used_at ?? false, {
    timeoutMs: 20_000,
  });
  t.true(Date.parse(used) >= calledAt - 1000);
});

test('token rotate prints a new token that works; the old one is then refused UNAUTHENTICATED', async (t) => {
  const stack = await startStack(t);
  const db = `sqlite:${stack.dbPath}`;
  const run = await runCardgate(['admin', 'token', 'rotate', '--name', 'kiosk-1', '--db', db]);
  t.is(run.code, 0, run.output);
  const fresh = run.output.trim().split('\n').at(-1)!;
  t.regex(fresh, /^cg_kiosk_/);
  t.not(fresh, stack.tokens.kiosk);
  t.is((await stack.client(fresh).whoAmI()).terminalName, 'kiosk-1');
  // The center may hold the old token's lookup for its cache's half second; then it is gone.
  const code = await waitUntil('the old token refused', () =>
    stack.kiosk.whoAmI().then(
      () => false,
      (error: { code?: number }) => error.code,
    ),
  );
  t.is(code, status.UNAUTHENTICATED);

  const listed = await runCardgate(['admin', 'token', 'list', '--db', db, '--json']);
  const row = (JSON.parse(listed.output) as TokenRow[]).find((r) => r.name === 'kiosk-1')!;
  t.truthy(row.rotated_at);
});

test('token rotate of an unknown terminal is refused by name', async (t) => {
  const stack = await startStack(t);
  const run = await runCardgate(['admin', 'token', 'rotate', '--name', 'nobody', '--db', `sqlite:${stack.dbPath}`]);
  t.is(run.code, 1);
  t.regex(run.output, /no terminal named "nobody"/);
});
