/**
 * Every wait in the tests has a deadline and, when it passes, fails with what it waited for and
 * what it saw: a test that cannot get what it needs fails in seconds instead of hanging its worker.
 * Use these instead of a bare `new Promise` on an event or a pause that hopes something happened.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** How long to wait before failing. */
  readonly timeoutMs?: number;
  /** How often to look again. */
  readonly everyMs?: number;
  /** What was seen when time ran out, for the failure message (a screen, a state). */
  readonly seen?: () => string;
}

/** Resolves with the first value of `probe` that is neither undefined nor false; rejects after the deadline. */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${options.timeoutMs ?? 10_000} ms waiting for ${what}${options.seen ? `; saw:\n${options.seen()}` : ''}`,
      );
    await sleep(options.everyMs ?? 20);
  }
}

/** `promise`, or a rejection naming `what` once `timeoutMs` has passed. */
export function withDeadline<T>(
  what: string,
  promise: Promise<T>,
  timeoutMs = 10_000,
  seen?: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen ? `; saw:\n${seen()}` : ''}`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** The next `event` from an emitter-like source, within a deadline; the listener is removed either way. */
export function nextEvent<A extends unknown[]>(
  what: string,
  // Loosely typed so that both EventEmitters and the card readers' typed on/off fit.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  source: {
    on?(event: any, listener: (...args: any[]) => void): unknown;
    off?(event: any, listener: (...args: any[]) => void): unknown;
  },
  /* eslint-enable @typescript-eslint/no-explicit-any */
  event: string,
  timeoutMs = 10_000,
): Promise<A> {
  let listener: ((...args: A) => void) | undefined;
  const arrived = new Promise<A>((resolve) => {
    listener = (...args: A) => resolve(args);
    source.on?.(event, listener);
  });
  return withDeadline(what, arrived, timeoutMs).finally(() => source.off?.(event, listener!));
}

/** Resolves once `child` has printed a line matching `pattern` on stdout; rejects when it exits first or after timeoutMs. */
export function childSays(
  what: string,
  child: import('node:child_process').ChildProcess,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  let out = '';
  const said = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) resolve(out);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${what} exited (${signal ?? code}) before printing ${pattern}: ${out}`)),
    );
  });
  return withDeadline(`${what} to print ${pattern}`, said, timeoutMs, () => out);
}
