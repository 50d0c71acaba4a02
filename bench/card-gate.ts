/**
 * The card-to-verdict step of `npm run bench`: runs card-to-verdict.ts when
 * this machine has pcscd with vpcd's readers, and says why not otherwise (the
 * benchmark is not a test: a machine without them still gets the other figures).
 */
import { execFileSync } from 'node:child_process';
import { lockVpcd } from '../card/emulator/vpcd-lock.js';
import { listPcscReaders } from '../card/pcsc/pcsc-context.js';
import { measureCardToVerdict, type CardToVerdictResult } from './card-to-verdict.js';

const READER = 'Virtual PCD 00 00';

export type CardGateResult =
  (CardToVerdictResult & { readonly loopback_quickack: boolean }) | { readonly not_measured: string };

/** vpcd's split writes cost ~40 ms per APDU unless loopback has quick ACKs (card/README.md): the figures mean little without them. */
function loopbackQuickAck(): boolean {
  try {
    return execFileSync('ip', ['route', 'show', 'table', 'local', '127.0.0.1'], { encoding: 'utf8' }).includes(
      'quickack 1',
    );
  } catch {
    return false;
  }
}

export async function measureCardGate(presentations: number, log: (line: string) => void): Promise<CardGateResult> {
  let readers: string[];
  try {
    readers = await listPcscReaders();
  } catch (error) {
    return { not_measured: `pcscd is not usable: ${(error as Error).message}` };
  }
  if (!readers.includes(READER)) return { not_measured: `pcscd has no "${READER}" (install vsmartcard-vpcd)` };
  const quickAck = loopbackQuickAck();
  // Without quick ACKs each presentation takes ~1.5 s: keep --quick within its minute.
  const count = quickAck ? presentations : Math.min(presentations, 5);
  const unlock = await lockVpcd();
  try {
    // SPEC §4 / issue 15: an NTAG216 with six tickets, 5 ms per APDU like an ACR122U.
    const result = await measureCardToVerdict({ presentations: count, reader: READER, tickets: 6, apduDelayMs: 5 });
    log(
      `card-to-verdict x${count} (${result.tickets_on_card} tickets, ${result.apdu_delay_ms} ms/APDU, ${result.apdus_per_presentation} APDUs): p50 ${result.card_to_verdict_p50_ms} ms, p99 ${result.card_to_verdict_p99_ms} ms (identify ${result.identify_p50_ms}, read ${result.read_p50_ms}, redeem ${result.redeem_p50_ms} ms; kiosk write ${result.kiosk_write_ms} ms; loopback quick ACKs ${quickAck ? 'on' : 'off'})`,
    );
    return { ...result, loopback_quickack: quickAck };
  } finally {
    unlock();
  }
}
