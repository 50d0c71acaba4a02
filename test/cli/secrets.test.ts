/**
 * Issue 14: secrets in the environment never reach the screen. Commander prints an option's default
 * in --help and after every usage error, so no secret may be a default; the center's start-up line
 * names its database without the password.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { redactDatabase } from '../../center/config.js';
import { createProgram } from '../../cli/program.js';
import { postgresTest } from '../helpers/postgres.js';
import { startCenterProcess } from '../helpers/center-process.js';
import { withDeadline } from '../helpers/wait.js';

const TOKEN = 'cg_admin_S3cretTokenValueThatMustNotShow';
const PASSWORD = 'Pg-Passw0rd-Never-Shown';
const SECRETS = { CARDGATE_TOKEN: TOKEN, CARDGATE_DB: `postgres://cardgate:${PASSWORD}@127.0.0.1:1/cardgate` };
const CLI = join(import.meta.dirname, '../../cli/main.ts');

const noSecret = (text: string) => !text.includes(TOKEN) && !text.includes(PASSWORD);

function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

/** Runs `cardgate ARGS` with the secrets in its environment; resolves with everything it printed. */
function cardgate(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...SECRETS, LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<string>((resolve) => child.on('exit', () => resolve(output)));
  return withDeadline(`cardgate ${args.join(' ')} to exit`, ended, 60_000, () => output).finally(() =>
    child.kill('SIGKILL'),
  );
}

test('no command’s --help shows CARDGATE_TOKEN or the password in CARDGATE_DB', (t) => {
  Object.assign(process.env, SECRETS);
  t.teardown(() => Object.keys(SECRETS).forEach((name) => delete process.env[name]));
  const commands = everyCommand(createProgram());
  t.true(commands.length > 15);
  for (const command of commands) t.true(noSecret(command.helpInformation()), command.name());
});

test('a usage error prints help without the secrets', async (t) => {
  for (const args of [
    ['admin', 'orders', '--no-such-flag'],
    ['kiosk', '--bogus'],
    ['center', '--charge-deadline-ms'],
  ]) {
    const output = await cardgate(args);
    t.regex(output, /Usage: cardgate/, output);
    t.true(noSecret(output), output);
  }
});

test.serial('a center that cannot reach its PostgreSQL says so without the password', async (t) => {
  const output = await cardgate(['center', '--listen', '127.0.0.1:0']);
  t.regex(output, /cardgate:/);
  t.true(noSecret(output), output);
});

test('a database URL is printed with its password masked', (t) => {
  t.is(redactDatabase(`postgres://cardgate:${PASSWORD}@db:5432/x`), 'postgres://cardgate:***@db:5432/x');
  t.is(redactDatabase('postgres://db.internal/x'), 'postgres://db.internal/x');
  t.is(redactDatabase('sqlite:./data/center.sqlite'), 'sqlite:./data/center.sqlite');
});

postgresTest(
  'the center’s start-up line and logs name its PostgreSQL database without the password',
  async (t, url) => {
    const password = decodeURIComponent(new URL(url).password);
    const center = await startCenterProcess(url, '127.0.0.1:1');
    t.teardown(() => center.kill());
    t.regex(center.stderr(), /sales center listening on 127\.0\.0\.1:\d+ \(plain text, postgres:\/\/[^ ]*\)/);
    if (password) {
      t.false(center.stderr().includes(`:${password}@`), center.stderr());
      t.true(center.stderr().includes(':***@'));
    }
  },
);
