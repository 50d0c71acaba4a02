/**
 * The one harness for Ink UIs rendered with ink-testing-library (kiosk, gate, launcher, terminal
 * components): named keys, a press that waits for the screen to show its effect, and a waitFor
 * with a deadline that fails with the last frame.
 */
import type { render } from 'ink-testing-library';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitUntil } from './wait.js';

/** What a terminal sends for each key. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  space: ' ',
} as const;

export interface InkDriver {
  /** The last frame drawn. */
  frame(): string;
  /**
   * Writes each key and waits until the frame shows its effect (at most `settleMs`: some keys
   * change nothing), so on a busy machine the next key never reaches a screen that has not caught up.
   */
  press(...keys: string[]): Promise<void>;
  /** Writes text in one chunk, like a paste or a fast typist, and waits for its effect like press. */
  type(text: string): Promise<void>;
  /** Writes keys back to back without waiting for the screen, like an impatient finger. */
  burst(...keys: string[]): Promise<void>;
  /** Resolves with the frame once it matches; fails with the last frame after timeoutMs. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Resolves once `pattern` is no longer on screen. */
  waitForGone(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Resolves once the app reads its stdin (Ink attaches its reader in an effect after the first frame). */
  listening(): Promise<void>;
}

type Rendered = Pick<ReturnType<typeof render>, 'lastFrame' | 'stdin'>;

export const matches = (frame: string, pattern: RegExp | string) =>
  typeof pattern === 'string' ? frame.includes(pattern) : pattern.test(frame);

export function driveInk(app: Rendered, { settleMs = 1_000, timeoutMs = 10_000 } = {}): InkDriver {
  const frame = () => app.lastFrame() ?? '';
  const write = async (data: string) => {
    // No settling first: a screen hears keys from the moment it is committed (KeysRoot).
    const before = frame();
    app.stdin.write(data);
    const until = Date.now() + settleMs;
    while (frame() === before && Date.now() < until) await sleep(10);
  };
  const until = (what: string, done: (frame: string) => boolean, ms = timeoutMs) =>
    waitUntil(what, () => (done(frame()) ? frame() : undefined), { timeoutMs: ms, seen: frame });
  return {
    frame,
    async press(...keys) {
      for (const key of keys) await write(key);
    },
    type: write,
    async burst(...keys) {
      for (const key of keys) {
        app.stdin.write(key);
        await sleep(5);
      }
    },
    waitFor: (pattern, ms) => until(`${pattern} on screen`, (f) => matches(f, pattern), ms),
    waitForGone: (pattern, ms) => until(`${pattern} to leave the screen`, (f) => !matches(f, pattern), ms),
    listening: async () => {
      await waitUntil('the app to read its keyboard', () => app.stdin.listenerCount('readable') > 0, {
        timeoutMs,
        seen: frame,
      });
    },
  };
}
