/** `cardgate monitor` refuses a token that is not an admin's before drawing anything, saying what to use instead. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';
import { startStack } from '../helpers/stack.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function monitor(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const { CARDGATE_TOKEN: _token, CARDGATE_CENTER: _center, ...inherited } = process.env;
  try {
    await promisify(execFile)('node', ['--import', 'tsx', 'cli/main.ts', 'monitor', ...args], {
      cwd: ROOT,
      env: { ...inherited, CI: 'false', ...env },
      timeout: 30_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

test('without a token it says how to get one', async (t) => {
  const { code, stderr } = await monitor([]);
  t.is(code, 1);
  t.regex(stderr, /no token: pass --token or set CARDGATE_TOKEN/);
});

test('a gate or kiosk token is refused at start, naming the token’s role and the command for an admin token', async (t) => {
  const stack = await startStack(t);
  for (const role of ['gate', 'kiosk'] as const) {
    const { code, stderr } = await monitor(['--center', stack.address], { CARDGATE_TOKEN: stack.tokens[role] });
    t.is(code, 1);
    t.regex(
      stderr,
      new RegExp(`this is a ${role} token, not an admin token: .*cardgate admin token create --role admin`),
    );
  }
  const unknown = await monitor(['--center', stack.address, '--token', 'cg_admin_made-up']);
  t.is(unknown.code, 1);
  t.regex(unknown.stderr, /does not accept this token \(revoked or unknown\)/);
  t.notRegex(unknown.stderr, /made-up/, 'the token is never printed');
});

test('plain text beyond loopback is refused before connecting', async (t) => {
  const { code, stderr } = await monitor(['--center', '10.0.0.11:50051', '--token', 't']);
  t.is(code, 1);
  t.regex(stderr, /refusing to send a token in clear text to 10\.0\.0\.11:50051/);
});
