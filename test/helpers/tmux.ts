/**
 * Drives a terminal UI in a real terminal: a detached tmux session of
 * 80x24, keys sent one per call (as STACK.md advises), the screen read with
 * capture-pane. The UI runs with CI=false, because Ink draws nothing under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ExecutionContext } from 'ava';

export interface TmuxSession {
  readonly name: string;
  /** Sends one key name as tmux knows it: 'Enter', 'Escape', 'Down', 'Up', 'C-c', or a literal character. */
  press(key: string): Promise<void>;
  /** Types text one character at a time. */
  type(text: string): Promise<void>;
  /** The visible screen now. */
  screen(): string;
  /** Resolves with the screen once `pattern` appears on it; rejects with the last screen after timeoutMs. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
}

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `command` (an argv array) in a new tmux session that is killed when the test ends. */
export function startTmux(t: ExecutionContext, command: readonly string[], env: Record<string, string> = {}, cwd = process.cwd()): TmuxSession {
  const name = `cardgate-${randomUUID().slice(0, 8)}`;
  const environment = Object.entries({ CI: 'false', FORCE_COLOR: '0', ...env }).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', cwd, ...environment, ...command);
  tmux('set-option', '-t', name, 'remain-on-exit', 'on');
  t.teardown(() => {
    try {
      tmux('kill-session', '-t', name);
    } catch {
      // already gone
    }
  });
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  return {
    name,
    async press(key) {
      tmux('send-keys', '-t', name, key);
      await pause(200);
    },
    async type(text) {
      for (const character of text) {
        tmux('send-keys', '-t', name, '-l', character);
        await pause(60);
      }
      await pause(150);
    },
    screen,
    async waitFor(pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = screen();
        if (typeof pattern === 'string' ? current.includes(pattern) : pattern.test(current)) return current;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen was:\n${current}`);
        await pause(100);
      }
    },
  };
}
