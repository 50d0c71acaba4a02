/**
 * Drives a terminal UI in a real terminal: a detached tmux session of
 * 80x24, keys sent one per call (as STACK.md advises), the screen read with
 * capture-pane. The UI runs with CI=false, because Ink draws nothing under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExecutionContext } from 'ava';
import { matches } from './ink.js';
import { waitUntil } from './wait.js';

export interface TmuxSession {
  readonly name: string;
  /** Sends one key name as tmux knows it ('Enter', 'Escape', 'Down', 'Up', 'C-c', or a literal character) and waits for the screen to show its effect. */
  press(key: string): Promise<void>;
  /** Sends several keys in one go (one read for the UI), like a quick finger, then waits like press. */
  burst(...keys: string[]): Promise<void>;
  /** Types text one character at a time, then waits for the screen to show it like press. */
  type(text: string): Promise<void>;
  /** The visible screen now. */
  screen(): string;
  /** Resolves with the screen once `pattern` appears on it; rejects with the last screen after timeoutMs. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Resizes the terminal, as a person dragging the window's corner. */
  resize(columns: number, rows: number): void;
  /** Whether the command has ended (the pane stays, dead, for its last screen). */
  exited(): boolean;
  /**
   * Resolves once the UI reads keys one by one (its terminal is in raw mode, as Ink sets it after the first
   * frame): a key sent before that is echoed by the terminal and may never reach the UI.
   */
  listening(timeoutMs?: number): Promise<void>;
}

/** The terminal's size in characters (default 80 × 24). */
export interface TmuxSize {
  readonly columns: number;
  readonly rows: number;
}

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

/** Time between two keys: tmux must not deliver them in one read (an Escape followed too soon by a key reads as Alt+key). */
const KEY_GAP_MS = 200;
const CHARACTER_GAP_MS = 60;
/** At most this long for a key to change the screen: some keys change nothing. */
const SETTLE_MS = 1_000;

/** Starts `command` (an argv array) in a new tmux session that is killed when the test ends. */
export function startTmux(
  t: ExecutionContext,
  command: readonly string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
  size: TmuxSize = { columns: 80, rows: 24 },
): TmuxSession {
  const name = `cardgate-${randomUUID().slice(0, 8)}`;
  const environment = Object.entries({ CI: 'false', FORCE_COLOR: '0', ...env }).flatMap(([key, value]) => [
    '-e',
    `${key}=${value}`,
  ]);
  const [x, y] = [String(size.columns), String(size.rows)];
  tmux('new-session', '-d', '-s', name, '-x', x, '-y', y, '-c', cwd, ...environment, ...command);
  tmux('set-option', '-t', name, 'remain-on-exit', 'on');
  t.teardown(() => {
    try {
      tmux('kill-session', '-t', name);
    } catch {
      // already gone
    }
  });
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  /** Waits (at most SETTLE_MS) until the screen differs from `before`. */
  const settled = (before: string) =>
    waitUntil('the keys to change the screen', () => screen() !== before, { timeoutMs: SETTLE_MS, everyMs: 50 }).catch(
      () => undefined,
    );
  return {
    name,
    async press(key) {
      const before = screen();
      tmux('send-keys', '-t', name, key);
      await sleep(KEY_GAP_MS);
      await settled(before);
    },
    async burst(...keys) {
      const before = screen();
      tmux('send-keys', '-t', name, ...keys);
      await sleep(KEY_GAP_MS);
      await settled(before);
    },
    async type(text) {
      const before = screen();
      for (const character of text) {
        tmux('send-keys', '-t', name, '-l', character);
        await sleep(CHARACTER_GAP_MS);
      }
      await settled(before);
    },
    screen,
    listening: async (timeoutMs = 30_000) => {
      const tty = tmux('display-message', '-p', '-t', name, '#{pane_tty}').trim();
      const raw = () => !/(^|\s)icanon\b/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }));
      await waitUntil('the UI to read keys in raw mode', raw, { timeoutMs, everyMs: 100, seen: screen });
    },
    exited: () => tmux('display-message', '-p', '-t', name, '#{pane_dead}').trim() === '1',
    resize: (columns, rows) => void tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows)),
    waitFor: (pattern, timeoutMs = 15_000) =>
      waitUntil(
        `${pattern} on the tmux screen`,
        () => {
          const current = screen();
          return matches(current, pattern) ? current : undefined;
        },
        { timeoutMs, everyMs: 100, seen: screen },
      ),
  };
}
