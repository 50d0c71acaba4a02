/** The real `cardgate` CLI as a child process, for tests that use it the way an operator does. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { withDeadline } from './wait.js';

const CLI = join(import.meta.dirname, '../../cli/main.ts');

/** Starts `cardgate ARGS`; its stdout and stderr are collected together in `output()`. */
export function startCardgate(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Runs `cardgate ARGS` to its end (at most 60 s); resolves with its exit code and output. */
export function runCardgate(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const { child, output } = startCardgate(args, env);
  const ended = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output: output() })),
  );
  return withDeadline(`cardgate ${args.slice(0, 2).join(' ')} to exit`, ended, 60_000, output).finally(() =>
    child.kill('SIGKILL'),
  );
}
