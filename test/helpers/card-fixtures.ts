/** Factories for card-layer tests: fully populated tickets, temp dirs, and card memory that tears writes. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { CardError } from '../../card/card-error.js';
import { BufferCardMemory } from '../../card/card-memory.js';
import { FORMAT_VERSION } from '../../card/image-codec.js';
import { signTicket } from '../../card/signature.js';
import type { CardImage, CardTicket } from '../../gen/cardgate/v1/ticket.js';

export const CARD_ID = '04A1B2C3D4E5F6';

export function keyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** A ticket with every field set; signed for `cardId` when a key is given, else a dummy 64-byte signature. */
export function sampleTicket(n = 1, options: { cardId?: string; privateKey?: KeyObject } = {}): CardTicket {
  const ticket = {
    ticketId: `TKT-${String(n).padStart(10, '0')}`,
    productId: 'PRD-JAZZ000001',
    orderId: 'ORD-7K3M9Q2B01',
    eventName: 'Jazz Night',
    venue: 'Blue Note Hall',
    startsAt: new Date('2026-12-01T20:00:00.000Z'),
    seat: `Row B, seat ${n}`,
    price: { currencyCode: 'EUR', amountMinor: 3500 },
    issuedAt: new Date('2026-11-01T10:15:30.000Z'),
    entriesAllowed: 1,
  };
  const buyerIdentification = {
    buyerName: 'Hanako Yamada',
    orderContents: '2 x Jazz Night (Blue Note Hall, 2026-12-01 20:00)',
    orderedAt: new Date('2026-11-01T10:15:00.000Z'),
    orderId: 'ORD-7K3M9Q2B01',
  };
  const signature = options.privateKey
    ? signTicket(options.privateKey, ticket, buyerIdentification, options.cardId ?? CARD_ID)
    : Buffer.alloc(64, n);
  return {
    ticket,
    buyerIdentification,
    additionalInfo: { venueNotes: 'Doors at 19:00', entryInstructions: 'Main entrance, show your card' },
    signature,
  };
}

export function sampleImage(ticketCount: number, cardId = CARD_ID): CardImage {
  return {
    formatVersion: FORMAT_VERSION,
    cardId,
    tickets: Array.from({ length: ticketCount }, (_, i) => sampleTicket(i + 1)),
  };
}

/** A temp dir removed when the test ends. */
export function tempDir(t: ExecutionContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-card-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Card memory that accepts only `budget` more written bytes, lowest address
 * first, then behaves like a card pulled off the reader: the rest of the write
 * is lost and the write throws NO_CARD. Counts reads so tests can check round trips.
 */
export class TearingMemory extends BufferCardMemory {
  written = 0;
  reads: Array<{ offset: number; length: number }> = [];

  constructor(
    bytes: Buffer,
    private budget = Number.POSITIVE_INFINITY,
  ) {
    super(bytes);
  }

  override async read(offset: number, length: number): Promise<Buffer> {
    this.reads.push({ offset, length });
    return super.read(offset, length);
  }

  override async write(offset: number, data: Buffer): Promise<void> {
    const kept = Math.min(data.length, this.budget);
    await super.write(offset, data.subarray(0, kept));
    this.budget -= kept;
    this.written += kept;
    if (kept < data.length) throw new CardError('NO_CARD', 'The card was taken off the reader.');
  }
}
