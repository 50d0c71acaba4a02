/**
 * PC/SC tests run against the real pcscd with vsmartcard-vpcd's two virtual
 * readers and the project's card emulator. `pcscTest` declares a test that
 * fails, saying why, when pcscd or the vpcd readers are missing — locally as
 * in CI, since `npm test` installs and starts them (.ci/prepare test), as it
 * does CUPS for the printing tests. vpcd's readers are one per machine, so
 * every test holds card/emulator/vpcd-lock.ts while it uses them.
 */
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { Card, CardReader } from '../../card/card.js';
import { lockVpcd } from '../../card/emulator/vpcd-lock.js';
import { startCardEmulator, type CardEmulator, type EmulatorOptions } from '../../card/emulator/card-emulator.js';
import { openCardReader } from '../../card/open-card-reader.js';
import { listPcscReaders } from '../../card/pcsc/pcsc-context.js';
import { tempDir } from './card-fixtures.js';
import { nextEvent } from './wait.js';

export const READER_0 = 'Virtual PCD 00 00';
export const READER_1 = 'Virtual PCD 00 01';
export const PORT_0 = 35963;
export const PORT_1 = 35964;
const VPCD_WAIT_MS = 5 * 60_000;

async function probe(): Promise<string | undefined> {
  try {
    const names = await listPcscReaders();
    const missing = [READER_0, READER_1].filter((name) => !names.includes(name));
    return missing.length
      ? `pcscd runs but lacks the vpcd readers ${missing.join(', ')} (install vsmartcard-vpcd)`
      : undefined;
  } catch (error) {
    return `pcscd is not usable: ${(error as Error).message} (run .ci/prepare test)`;
  }
}

/** Why the PC/SC tests cannot run here, or undefined when they can. */
export const pcscMissing = await probe();

/**
 * `timeoutMs`: vpcd costs ~45 ms per APDU unless loopback has quick ACKs (`npm test` sets them; see
 * card/README.md), so the default leaves room for a machine without them.
 */
export function pcscTest(title: string, impl: (t: ExecutionContext) => Promise<void>, timeoutMs = 120_000): void {
  test.serial(title, async (t) => {
    if (pcscMissing) return t.fail(`${pcscMissing}; npm test starts pcscd itself (.ci/prepare test)`);
    // Waiting for another file's PC/SC test to free vpcd does not count against this test's own
    // time; the wait has its own deadline, well above the ~90 s all PC/SC tests take together.
    t.timeout(VPCD_WAIT_MS + 10_000);
    // The release is registered before the wait: a test that ends (times out) while still waiting
    // gives the lock back as soon as it gets it, instead of holding it until its worker exits.
    const locked = lockVpcd(VPCD_WAIT_MS);
    t.teardown(async () => (await locked.catch(() => undefined))?.());
    await locked;
    t.timeout(timeoutMs);
    await impl(t);
  });
}

/** Puts an emulated card on a vpcd reader for the rest of the test. */
export async function insertCard(
  t: ExecutionContext,
  options: Partial<EmulatorOptions> = {},
): Promise<CardEmulator & { file: string }> {
  const file = options.file ?? join(tempDir(t), 'card.bin');
  const emulator = await startCardEmulator({ ...options, file });
  t.teardown(() => emulator.remove());
  return { ...emulator, file };
}

/** Opens a reader for the rest of the test. */
export async function openReader(t: ExecutionContext, spec: string): Promise<CardReader> {
  const reader = await openCardReader(spec);
  t.teardown(() => reader.close());
  return reader;
}

export function waitForCard(reader: CardReader, ms = 10_000): Promise<Card> {
  return reader.waitForCard({ signal: AbortSignal.timeout(ms) });
}

/** Resolves with the id of the next card taken off `reader`; rejects after timeoutMs. */
export async function nextCardOff(reader: CardReader, timeoutMs = 10_000): Promise<string> {
  const [id] = await nextEvent<[string]>(`card.off from ${reader.name}`, reader, 'card.off', timeoutMs);
  return id;
}

/** Resolves with the id of the next card put on `reader`; rejects after timeoutMs. */
export async function nextCardOn(reader: CardReader, timeoutMs = 10_000): Promise<string> {
  const [card] = await nextEvent<[Card]>(`a card event from ${reader.name}`, reader, 'card', timeoutMs);
  return card.id;
}
