/** `cardgate gate` refuses bad input with a sentence saying what to pass, before drawing anything. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function gate(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const { CARDGATE_CARD: _card, CARDGATE_TOKEN: _token, CARDGATE_GATE_ID: _gate, ...inherited } = process.env;
  try {
    await promisify(execFile)('node', ['--import', 'tsx', 'cli/main.ts', 'gate', ...args], {
      cwd: ROOT,
      env: { ...inherited, ...env },
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

test('without a token it says how to get one', async (t) => {
  const { code, stderr } = await gate(['--card', 'file:/tmp/x.card', '--gate-id', 'G1']);
  t.is(code, 1);
  t.regex(stderr, /no token: pass --token or set CARDGATE_TOKEN/);
});

test('without a gate id or a card it names the missing flag', async (t) => {
  t.regex((await gate(['--card', 'file:/tmp/x.card'], { CARDGATE_TOKEN: 't' })).stderr, /no gate id: pass --gate-id/);
  t.regex((await gate(['--gate-id', 'G1'], { CARDGATE_TOKEN: 't' })).stderr, /no card reader: pass --card/);
});

test('a card spec that is no reader lists the accepted forms', async (t) => {
  const { code, stderr } = await gate(['--card', 'floppy:A', '--gate-id', 'G1'], { CARDGATE_TOKEN: 't' });
  t.is(code, 1);
  t.regex(stderr, /--card "floppy:A" is not a card reader; expected file:PATH/);
});

test('the gate id and token also come from the environment', async (t) => {
  const { stderr } = await gate(['--card', 'floppy:A'], { CARDGATE_TOKEN: 't', CARDGATE_GATE_ID: 'G1' });
  t.regex(stderr, /is not a card reader/, 'got past the token and gate id checks');
});

test('a --verdict-seconds that is not a whole number of at least 1 is refused, naming the flag', async (t) => {
  for (const value of ['abc', '2.5', '0']) {
    const { code, stderr } = await gate(['--card', 'file:/tmp/x.card', '--gate-id', 'G1', '--verdict-seconds', value], {
      CARDGATE_TOKEN: 't',
    });
    t.is(code, 1);
    t.regex(
      stderr,
      new RegExp(`--verdict-seconds must be a whole number of at least 1, not "${value.replace('.', '\\.')}"`),
    );
  }
});

test('a --print printer CUPS does not know is reported at start-up, naming the printers it knows', async (t) => {
  const { code, stderr } = await gate(['--card', 'file:/tmp/x.card', '--gate-id', 'G1', '--print', 'no-such-printer'], {
    CARDGATE_TOKEN: 't',
  });
  t.is(code, 1);
  t.regex(
    stderr,
    /--print no-such-printer: Printer no-such-printer not found \((known printers: |CUPS knows no printers)/,
  );
});

test('a --direction other than entry or exit is refused, naming the flag (SPEC §10)', async (t) => {
  const { code, stderr } = await gate(['--card', 'file:/tmp/x.card', '--gate-id', 'G1', '--direction', 'sideways'], {
    CARDGATE_TOKEN: 't',
  });
  t.is(code, 1);
  t.regex(stderr, /--direction must be entry or exit, not "sideways"/);
});

test('a --journal that cannot be opened stops the gate at start-up, naming the file (SPEC §9)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-journal-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // A directory is no SQLite file.
  const { code, stderr } = await gate(
    ['--card', `file:${join(dir, 'x.card')}`, '--gate-id', 'G1', '--journal', dir, '--center', '127.0.0.1:1'],
    { CARDGATE_TOKEN: 't' },
  );
  t.is(code, 1);
  t.true(stderr.includes(`cannot open the gate journal ${dir}`), stderr);
});
