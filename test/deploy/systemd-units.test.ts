/**
 * deploy/'s systemd units: `systemd-analyze verify` accepts every one (templates as an instance on tty1),
 * printing nothing (it reports unknown keys and bad values as warnings with exit 0, so any output fails),
 * and every flag their ExecStart passes is one the command really takes. systemd-analyze comes with the
 * `systemd` package, which `.ci/prepare test` installs: without it the test is skipped, and fails in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { runCardgate } from '../helpers/cli.js';

const DEPLOY = join(import.meta.dirname, '../../deploy');
const UNITS = readdirSync(DEPLOY).filter((name) => name.endsWith('.service'));
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const missing = analyze.error ? `systemd-analyze is not installed (${analyze.error.message})` : undefined;

/** `systemd-analyze verify` of these unit files (copied, templates instantiated): its exit code and all it printed. */
function verify(files: Record<string, string>): { code: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-units-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name.replace('@.service', '@tty1.service'));
      writeFileSync(path, text);
      return path;
    });
    const run = spawnSync('systemd-analyze', ['verify', ...paths], { encoding: 'utf8' });
    return { code: run.status, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unitTest = missing && process.env.CI !== 'true' ? test.skip : test;
const title = (words: string) => (missing && process.env.CI !== 'true' ? `${words} (skipped: ${missing})` : words);

unitTest(title('systemd-analyze verify accepts every unit in deploy/ without a warning'), (t) => {
  if (missing) return t.fail(`${missing}: .ci/prepare test installs the systemd package`);
  t.deepEqual(UNITS.sort(), [
    'cardgate-center.service',
    'cardgate-charge.service',
    'cardgate-gate@.service',
    'cardgate-kiosk@.service',
  ]);
  const units = Object.fromEntries(UNITS.map((name) => [name, readFileSync(join(DEPLOY, name), 'utf8')]));
  const { code, output } = verify(units);
  t.is(code, 0, output);
  t.is(output, '', 'no warnings');

  // The check can fail: a misspelt key is reported.
  const misspelt = verify({
    'cardgate-center.service': units['cardgate-center.service']!.replace('Restart=', 'Restrat='),
  });
  t.regex(misspelt.output, /Unknown key 'Restrat'/);
});

test('every flag a unit passes in ExecStart is one its cardgate command takes', async (t) => {
  for (const name of UNITS) {
    const text = readFileSync(join(DEPLOY, name), 'utf8').replace(/\\\n\s*/g, ' ');
    const exec = /^ExecStart=\S+ \S+main\.js (\w+)(.*)$/m.exec(text);
    t.truthy(exec, `${name} runs cardgate`);
    const [, command, rest] = exec!;
    const help = (await runCardgate([command!, '--help'])).output;
    for (const flag of rest!.match(/--[a-z-]+/g) ?? []) t.true(help.includes(flag), `${name}: ${command} ${flag}`);
  }
});

test('the journald drop-in keeps logs on disk with a size limit', (t) => {
  const conf = readFileSync(join(DEPLOY, 'journald-cardgate.conf'), 'utf8');
  t.regex(conf, /^\[Journal\]$/m);
  t.regex(conf, /^SystemMaxUse=\S+/m);
});
