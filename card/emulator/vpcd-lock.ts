/**
 * vpcd's virtual readers are one pair per machine: two programs putting
 * emulated cards on them at once would read each other's cards. The PC/SC
 * tests and the card-to-verdict benchmark take this lock first — a
 * directory holding its owner's pid, taken over when that process is gone.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK = '/tmp/cardgate-vpcd.lock';

/**
 * Waits until this process holds the machine-wide vpcd lock, at most `timeoutMs`; call the returned
 * function to release it. Past the deadline it fails, naming the process that holds the lock.
 */
export async function lockVpcd(timeoutMs = 5 * 60_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let owner = 0;
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
        process.kill(owner, 0);
      } catch {
        // The owner is gone (or never wrote its pid): take the stale lock over.
        if (owner) rmSync(LOCK, { recursive: true, force: true });
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the vpcd readers are still in use after ${timeoutMs} ms (${LOCK} held by pid ${owner || 'unknown'})`,
      );
    }
    await sleep(100);
  }
}
