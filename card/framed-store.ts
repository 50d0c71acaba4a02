/**
 * Torn-write-safe storage of one payload in two slots (layout in
 * slot-layout.ts). A write goes to the slot that does NOT hold the newest
 * valid payload, payload first and header last, with the next sequence
 * number; until its header is complete and its CRC matches, readers keep
 * seeing the previous payload. A card pulled out mid-write therefore reads
 * as exactly its old or its new contents.
 */
import { CardError } from './card-error.js';
import type { CardMemory } from './card-memory.js';
import {
  buildHeader,
  HEADER_AREA_BYTES,
  headerOffset,
  parseHeader,
  payloadOffset,
  SLOT_HEADER_BYTES,
  slotBytes,
  slotChecksum,
  SLOTS,
  type Slot,
} from './slot-layout.js';

interface Newest {
  readonly slot: Slot;
  readonly seq: number;
  readonly payload: Buffer;
}

type Scan = { readonly newest: Newest } | { readonly newest: null; readonly state: 'blank' | 'damaged' | 'foreign' };

export class FramedStore {
  /** Largest payload one slot holds. */
  readonly maxPayloadBytes: number;
  /** The header bytes last verified and the newest slot they lead to: lets a write after a read skip re-reading the payload. */
  private known: { headers: Buffer; newest: { slot: Slot; seq: number } | null } | undefined;

  constructor(private readonly memory: CardMemory) {
    this.maxPayloadBytes = slotBytes(memory.capacity);
  }

  /** The newest complete payload, or null for a blank card. Two reads in the usual case: both headers, then the used payload bytes. */
  async read(): Promise<Buffer | null> {
    const scan = await this.scan(await this.readBytes(0, HEADER_AREA_BYTES));
    if (scan.newest) return scan.newest.payload;
    if (scan.state === 'foreign') {
      throw new CardError(
        'NOT_CARDGATE',
        'This is not a Cardgate card (its memory holds other data). Please use a Cardgate card.',
      );
    }
    if (scan.state === 'damaged') {
      throw new CardError(
        'DAMAGED',
        'The tickets on this card cannot be read (the card memory is damaged). Staff can write them again from the order.',
      );
    }
    return null;
  }

  /**
   * Stores `payload` as the new contents. CARD_FULL (nothing written) when it
   * exceeds one slot; NOT_CARDGATE rather than overwrite another application's data.
   */
  async write(payload: Buffer): Promise<void> {
    if (payload.length > this.maxPayloadBytes) {
      throw new CardError(
        'CARD_FULL',
        `The card is full: these tickets need ${payload.length} bytes but the card holds ${this.maxPayloadBytes}. Clear used tickets off it or use another card.`,
      );
    }
    const headers = await this.readBytes(0, HEADER_AREA_BYTES);
    let newest = this.known?.headers.equals(headers) ? this.known.newest : undefined;
    if (newest === undefined) {
      const scan = await this.scan(headers);
      if (!scan.newest && scan.state === 'foreign') {
        throw new CardError(
          'NOT_CARDGATE',
          'This is not a Cardgate card; nothing was written so its data stays intact. Please use a Cardgate card.',
        );
      }
      newest = scan.newest;
    }
    const slot: Slot = newest ? (newest.slot === 0 ? 1 : 0) : 0;
    // Sequence numbers cannot wrap in practice: card memory wears out long before 2^32 writes.
    const seq = newest ? newest.seq + 1 : 1;
    const header = buildHeader(seq, payload);
    this.known = undefined;
    await this.writeBytes(payloadOffset(slot, this.memory.capacity), payload);
    await this.writeBytes(headerOffset(slot), header);
    header.copy(headers, headerOffset(slot));
    this.known = { headers, newest: { slot, seq } };
  }

  /** Finds the valid slot with the highest seq, reading payloads newest first; classifies the card when none is valid. */
  private async scan(headers: Buffer): Promise<Scan> {
    const parsed = SLOTS.map((slot) => ({
      slot,
      header: parseHeader(headers.subarray(headerOffset(slot), headerOffset(slot) + SLOT_HEADER_BYTES)),
    }));
    const candidates = parsed
      .flatMap(({ slot, header }) =>
        header.kind === 'slot' && header.length <= this.maxPayloadBytes ? [{ slot, ...header }] : [],
      )
      .sort((a, b) => b.seq - a.seq);
    for (const { slot, seq, length, crc } of candidates) {
      const payload = await this.readBytes(payloadOffset(slot, this.memory.capacity), length);
      if (slotChecksum(seq, payload) === crc) {
        this.known = { headers, newest: { slot, seq } };
        return { newest: { slot, seq, payload } };
      }
    }
    const state = classify(parsed.map(({ header }) => header.kind));
    // Never remember a foreign card as writable.
    if (state !== 'foreign') this.known = { headers, newest: null };
    return { newest: null, state };
  }

  private async readBytes(offset: number, length: number): Promise<Buffer> {
    try {
      return await this.memory.read(offset, length);
    } catch (cause) {
      if (cause instanceof CardError) throw cause;
      throw new CardError('READ_FAILED', 'The card could not be read. Hold it still on the reader and try again.', {
        cause,
      });
    }
  }

  private async writeBytes(offset: number, data: Buffer): Promise<void> {
    try {
      await this.memory.write(offset, data);
    } catch (cause) {
      this.known = undefined;
      if (cause instanceof CardError) throw cause;
      throw new CardError(
        'WRITE_FAILED',
        'Writing the card failed; it still holds its previous tickets. Hold it still on the reader and try again.',
        { cause },
      );
    }
  }
}

/** What a card without a valid slot is, from its two header kinds. */
function classify(kinds: readonly string[]): 'blank' | 'damaged' | 'foreign' {
  const ours = kinds.filter((kind) => kind === 'slot').length;
  // One started slot next to an empty one is a torn first write: the card is still blank.
  if (ours > 0) return ours === 1 && !kinds.includes('foreign') ? 'blank' : 'damaged';
  return kinds.includes('foreign') ? 'foreign' : 'blank';
}
