/**
 * Card-to-verdict time at a gate through PC/SC (issues 5, 15): an emulated
 * NTAG216 holding a real order of six tickets, each APDU answered 5 ms late
 * like an ACR122U, is put on vpcd's reader again and again; each time the
 * gate's pcsc driver connects and identifies it, reads its image, and
 * redeems a ticket at a real center (its own process, with a charge
 * terminal, on a fresh SQLite file). The ticket's product allows one entry
 * per presentation, so every verdict is a real, recorded admit. The kiosk's
 * write of the six tickets is timed too.
 *
 * `tsx bench/card-to-verdict.ts [--presentations N] [--tickets N] [--apdu-delay-ms N] [--nagle] [--read-bytes N] [--write-bytes N]`
 * prints the figures and JSON; `measureCardToVerdict()` returns them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createTerminalToken } from '../center/auth/tokens.js';
import { createProduct } from '../center/admin/create-product.js';
import { CreateProductRequest } from '../gen/cardgate/v1/admin.js';
import { openDatabase } from '../center/db/orm.js';
import { startCardEmulator } from '../card/emulator/card-emulator.js';
import type { CardType } from '../card/emulator/card-types.js';
import { ACR122U_LIMITS, type TagLimits } from '../card/emulator/storage-tag.js';
import type { PcscCard } from '../card/pcsc/pcsc-card.js';
import { PcscCardReader } from '../card/pcsc/pcsc-reader.js';
import { CenterClient } from '../terminal/center-client.js';
import { CLI, startListening } from './processes.js';

export interface CardToVerdictOptions {
  readonly presentations?: number;
  /** TCP_NODELAY on the emulator's vpcd socket (default true). */
  readonly noDelay?: boolean;
  /** What the emulated reader allows per APDU (default an ACR122U's 16-byte reads, 4-byte writes). */
  readonly limits?: TagLimits;
  readonly reader?: string;
  readonly log?: (line: string) => void;
  /** Tickets of one order on the card (default 6, what an NTAG216 must hold). */
  readonly tickets?: number;
  /** Each APDU this much later (default 5 ms: an ACR122U-class reader). */
  readonly apduDelayMs?: number;
  readonly type?: CardType;
}

export interface CardToVerdictResult {
  readonly presentations: number;
  readonly admitted: number;
  /** From pcscd reporting the card to the center's verdict. */
  readonly card_to_verdict_p50_ms: number;
  readonly card_to_verdict_p99_ms: number;
  /** The parts: connect + UID + capability container, reading the image, the RedeemTicket RPC. */
  readonly identify_p50_ms: number;
  readonly read_p50_ms: number;
  readonly redeem_p50_ms: number;
  readonly redeem_p99_ms: number;
  readonly apdus_per_presentation: number;
  readonly apdu_mean_ms: number;
  /** From the card touching the reader (emulator connected) to pcscd reporting it: vpcd polls, a real reader senses the field. */
  readonly detect_p50_ms: number;
  readonly no_delay: boolean;
  readonly read_bytes: number;
  readonly image_bytes: number;
  readonly card_type: string;
  readonly tickets_on_card: number;
  readonly apdu_delay_ms: number;
  /** The kiosk writing the whole order onto the blank card, and the APDUs that took. */
  readonly kiosk_write_ms: number;
  readonly kiosk_write_apdus: number;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0;
};
const round = (n: number) => Number(n.toFixed(2));
const HOUR = 3_600_000;

/** Starts the center and a charge terminal, buys one ticket onto an emulated card, and times `presentations` gate reads and redeems of it. */
export async function measureCardToVerdict(options: CardToVerdictOptions = {}): Promise<CardToVerdictResult> {
  const presentations = options.presentations ?? 30;
  const ticketCount = options.tickets ?? 6;
  const apduDelayMs = options.apduDelayMs ?? 5;
  const type = options.type ?? 'ntag216';
  const limits = options.limits ?? ACR122U_LIMITS;
  const noDelay = options.noDelay ?? true;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-card-bench-'));
  const cardFile = join(dir, 'card.bin');
  const stops: Array<() => Promise<unknown> | void> = [];
  try {
    // A fresh center: tokens and a product that admits once per presentation.
    const db = join(dir, 'center.sqlite');
    const orm = await openDatabase({ kind: 'sqlite', path: db });
    const em = orm.em.fork();
    const kioskToken = (await createTerminalToken(em, 'card-bench-kiosk', 'kiosk')).token;
    const gateToken = (await createTerminalToken(em, 'card-bench-gate', 'gate')).token;
    const now = new Date();
    const product = await createProduct(
      em.fork(),
      CreateProductRequest.fromPartial({
        name: 'Card Bench Night',
        venue: 'Bench Hall',
        startsAt: new Date(now.getTime() + 48 * HOUR),
        price: { currencyCode: 'EUR', amountMinor: 3500 },
        capacity: ticketCount + 10,
        entriesPerTicket: presentations + 10,
        seating: 'Row B, seat 7',
        venueNotes: 'Doors at 19:00',
        entryInstructions: 'Main entrance, show your card',
      }),
      now,
    );
    await orm.close();
    const charge = await startListening(CLI, ['charge', '--listen', '127.0.0.1:0', '--db', join(dir, 'charge.sqlite')]);
    stops.push(() => charge.stop());
    const center = await startListening(CLI, [
      'center',
      '--listen',
      '127.0.0.1:0',
      '--db',
      `sqlite:${db}`,
      '--charge',
      charge.address,
    ]);
    stops.push(() => center.stop());
    const kiosk = new CenterClient(center.address, kioskToken);
    const gate = new CenterClient(center.address, gateToken);
    stops.push(
      () => kiosk.close(),
      () => gate.close(),
    );
    const reader = await PcscCardReader.open(options.reader ?? 'Virtual PCD 00 00');
    stops.push(() => reader.close());

    // The kiosk: buy a ticket for the card and write it on.
    const emulate = () => startCardEmulator({ file: cardFile, noDelay, limits, type, apduDelayMs });
    let emulator = await emulate();
    const card = (await reader.waitForCard({ signal: AbortSignal.timeout(10_000) })) as PcscCard;
    const bought = await kiosk.purchaseTickets({
      idempotencyKey: `card-bench-${Date.now()}`,
      cardId: card.id,
      buyer: { name: 'Bench Buyer', email: '' },
      items: [{ productId: product.id, quantity: ticketCount }],
      creditCard: { number: '4242424242424242', expiryMonth: 12, expiryYear: now.getFullYear() + 2, cvc: '123' },
    });
    if (!bought.purchase) throw new Error(`the bench purchase failed: ${JSON.stringify(bought.unavailable)}`);
    const image = await card.readImage();
    const apdusBefore = card.connection.stats.count;
    const writeStarted = performance.now();
    await card.writeImage({ ...image, tickets: bought.purchase.tickets });
    const kioskWriteMs = performance.now() - writeStarted;
    const kioskWriteApdus = card.connection.stats.count - apdusBefore;
    log(
      `wrote ${ticketCount} tickets onto card ${card.id} in ${kioskWriteMs.toFixed(0)} ms (${kioskWriteApdus} APDUs)`,
    );

    // A gate that has been running: its connection to the center and the center's redeem path are warm.
    await gate.redeemTicket({ gateId: 'G1', cardId: card.id, ticket: bought.purchase.tickets[0], dryRun: true });

    // The gate: each presentation takes the card off and puts it back, then reads and redeems.
    const totals: number[] = [],
      identify: number[] = [],
      reads: number[] = [],
      redeems: number[] = [],
      detect: number[] = [],
      apdus: number[] = [],
      apduMs: number[] = [];
    let admitted = 0;
    let imageBytes = 0;
    for (let i = 0; i < presentations; i++) {
      const off = new Promise((resolve) => reader.once('card.off', resolve));
      await emulator.remove();
      await off;
      const arrived = new Promise<PcscCard>((resolve) => reader.once('card', (c) => resolve(c as PcscCard)));
      const touched = performance.now();
      emulator = await emulate();
      const presented = await arrived;
      const identified = performance.now();
      const contents = await presented.read();
      const read = performance.now();
      const verdict = await gate.redeemTicket({
        gateId: 'G1',
        cardId: presented.id,
        ticket: contents.image.tickets[0],
        dryRun: false,
      });
      const done = performance.now();
      if (verdict.admitted) admitted++;
      imageBytes = contents.usedBytes;
      totals.push(done - presented.seenAt);
      identify.push(identified - presented.seenAt);
      reads.push(read - identified);
      redeems.push(done - read);
      detect.push(presented.seenAt - touched);
      apdus.push(presented.connection.stats.count);
      apduMs.push(presented.connection.stats.ms / presented.connection.stats.count);
      log(
        `presentation ${i + 1}: ${(done - presented.seenAt).toFixed(1)} ms (${presented.connection.stats.count} APDUs), ${verdict.admitted ? 'admitted' : `rejected ${verdict.reason}`}`,
      );
    }
    stops.push(() => emulator.remove());
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    return {
      presentations,
      admitted,
      card_to_verdict_p50_ms: round(quantile(totals, 0.5)),
      card_to_verdict_p99_ms: round(quantile(totals, 0.99)),
      identify_p50_ms: round(quantile(identify, 0.5)),
      read_p50_ms: round(quantile(reads, 0.5)),
      redeem_p50_ms: round(quantile(redeems, 0.5)),
      redeem_p99_ms: round(quantile(redeems, 0.99)),
      apdus_per_presentation: round(mean(apdus)),
      apdu_mean_ms: round(mean(apduMs)),
      detect_p50_ms: round(quantile(detect, 0.5)),
      no_delay: noDelay,
      read_bytes: limits.maxReadBytes,
      image_bytes: imageBytes,
      card_type: type,
      tickets_on_card: ticketCount,
      apdu_delay_ms: apduDelayMs,
      kiosk_write_ms: round(kioskWriteMs),
      kiosk_write_apdus: kioskWriteApdus,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      presentations: { type: 'string', default: '30' },
      tickets: { type: 'string', default: '6' },
      'apdu-delay-ms': { type: 'string', default: '5' },
      nagle: { type: 'boolean', default: false },
      'read-bytes': { type: 'string' },
      'write-bytes': { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const limits = {
    maxReadBytes: Number(values['read-bytes'] ?? ACR122U_LIMITS.maxReadBytes),
    maxWriteBytes: Number(values['write-bytes'] ?? ACR122U_LIMITS.maxWriteBytes),
    maxFastReadPages: values['read-bytes'] ? 0 : ACR122U_LIMITS.maxFastReadPages,
  };
  const result = await measureCardToVerdict({
    presentations: Number(values.presentations),
    noDelay: !values.nagle,
    limits,
    tickets: Number(values.tickets),
    apduDelayMs: Number(values['apdu-delay-ms']),
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  console.log(
    `card-to-verdict over ${result.presentations} presentations (${result.admitted} admitted): p50 ${result.card_to_verdict_p50_ms} ms, p99 ${result.card_to_verdict_p99_ms} ms (goal p99 <= 100 ms)`,
  );
  console.log(
    `  connect + identify ${result.identify_p50_ms} ms, read ${result.read_p50_ms} ms (${result.image_bytes}-byte image), redeem RPC ${result.redeem_p50_ms} ms (p99 ${result.redeem_p99_ms})`,
  );
  console.log(
    `  ${result.apdus_per_presentation} APDUs per presentation at ${result.apdu_mean_ms} ms each (${result.apdu_delay_ms} ms reader delay, ${result.tickets_on_card} tickets on an ${result.card_type}); card sensed ${result.detect_p50_ms} ms after it touched the reader (vpcd polling)`,
  );
  console.log(
    `  kiosk wrote the ${result.tickets_on_card} tickets in ${result.kiosk_write_ms} ms (${result.kiosk_write_apdus} APDUs)`,
  );
  console.log(JSON.stringify(result));
}
