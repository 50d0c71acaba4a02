/**
 * Torn-write-safe storage of the card image in user memory (layout in
 * format2/commit-header.ts; card/README.md draws it). Reads the current
 * format (2: records wherever the newest valid commit header says) and the
 * first (1: one protobuf CardImage in the newer of two slots); writes always
 * format 2. A write puts only new records into space the current contents do
 * not use, then writes the header the current contents are not in, so a card
 * pulled at any byte reads back its old or its new contents, also while a
 * first-format card is being rewritten.
 */
import { CardError, cardFull } from './card-error.js';
import type { CardMemory } from './card-memory.js';
import {
  buildCommitHeader,
  commitChecksum,
  decodeExtents,
  HEADER_AREA_BYTES,
  HEADER_BYTES,
  isNewer,
  parseCommitHeader,
  type Extent,
} from './format2/commit-header.js';
import { freeGaps, planWrite, type PlacedRecord } from './format2/extent-plan.js';
import { recordSpans } from './format2/payload.js';
import { classify } from './header-kind.js';
import { parseHeader, payloadOffset, slotBytes, slotChecksum } from './slot-layout.js';

type Slot = 0 | 1;

/** The contents a card holds now, and where they lie. */
interface Live {
  readonly format: 1 | 2;
  /** The header (0 or 1) that names them. */
  readonly slot: Slot;
  readonly seq: number;
  readonly extents: Extent[];
  /** Everything a write must leave alone: the extents, and the map of a format-2 commit. */
  readonly reserved: Extent[];
  readonly payload: Buffer;
}

type Scan = { readonly live: Live } | { readonly live: null; readonly state: 'blank' | 'damaged' | 'foreign' };

export interface Stored {
  readonly format: 1 | 2;
  readonly payload: Buffer;
  /** Bytes the contents take on the card (payload, and a map when there is one). */
  readonly usedBytes: number;
}

/** Map lengths above this are not a map this code writes (255 extents). */
const MAX_MAP_BYTES = 4 * 255;
/** Extents this close together are read in one go: cheaper than another APDU. */
const READ_TOGETHER_GAP = 64;

export class LogStore {
  /** The largest payload a blank card holds. */
  readonly maxPayloadBytes: number;
  private known: { headers: Buffer; live: Live | null } | undefined;

  constructor(private readonly memory: CardMemory) {
    slotBytes(memory.capacity); // throws for a card below the minimum
    this.maxPayloadBytes = memory.capacity - HEADER_AREA_BYTES;
  }

  /** The newest complete contents, or null for a blank card. */
  async read(): Promise<Stored | null> {
    const scan = await this.scan(await this.readBytes(0, HEADER_AREA_BYTES));
    if (scan.live) return stored(scan.live);
    if (scan.state === 'foreign')
      throw new CardError(
        'NOT_CARDGATE',
        'This is not a Cardgate card (its memory holds other data). Please use a Cardgate card.',
      );
    if (scan.state === 'damaged')
      throw new CardError(
        'DAMAGED',
        'The tickets on this card cannot be read (the card memory is damaged). Staff can write them again from the order.',
      );
    return null;
  }

  /**
   * Makes `records` the card's contents (format 2); given a function, the records it makes of the
   * current contents (null: none). CARD_FULL, with nothing
   * written, when they do not fit beside the current contents; NOT_CARDGATE
   * rather than overwrite another application's data.
   */
  async write(recordsOrOf: readonly Buffer[] | ((current: Stored | null) => readonly Buffer[])): Promise<void> {
    if (typeof recordsOrOf !== 'function') this.checkSize(recordsOrOf);
    const live = await this.current();
    // Records made from the current contents (kept entries, SPEC §9) without reading the headers twice.
    const records = typeof recordsOrOf === 'function' ? recordsOrOf(live && stored(live)) : recordsOrOf;
    const size = this.checkSize(records);
    const payload = Buffer.concat(records);
    if (live?.format === 2 && live.payload.equals(payload)) return;
    const plan =
      planWrite(records, heldRecords(live), live?.reserved ?? [], this.memory.capacity) ??
      planWrite(records, [], live?.reserved ?? [], this.memory.capacity);
    if (!plan) throw cardFull(size, this.freeFor(live));
    const slot: Slot = live ? (live.slot === 0 ? 1 : 0) : 0;
    const seq = live?.format === 2 ? (live.seq + 1) & 0xff : 1;
    const header = buildCommitHeader(seq, plan.extents, plan.map, plan.payload);
    this.known = undefined;
    for (const { offset, data } of plan.writes) await this.writeBytes(offset, data);
    await this.writeBytes(slot * HEADER_BYTES, header);
    const reserved = plan.map ? [...plan.extents, plan.map] : plan.extents;
    const headers = this.lastHeaders ?? Buffer.alloc(HEADER_AREA_BYTES);
    header.copy(headers, slot * HEADER_BYTES);
    this.known = { headers, live: { format: 2, slot, seq, extents: plan.extents, reserved, payload } };
  }

  /** The contents as they are now, or null (blank or damaged): after a read, only the headers are read again. */
  async currentContents(): Promise<Stored | null> {
    const live = await this.current();
    return live && stored(live);
  }

  /**
   * The most bytes of new records that can be appended to `records` (what
   * the card holds now, when it is what was last read) in one write.
   */
  freeBytesAfter(records: readonly Buffer[]): number {
    const live = this.known?.live;
    const payload = Buffer.concat(records);
    if (!live || live.format !== 2 || !live.payload.equals(payload))
      return Math.max(0, this.maxPayloadBytes - payload.length);
    const held = heldRecords(live);
    let low = 0;
    let high = freeGaps(this.memory.capacity, live.reserved).reduce((sum, gap) => sum + gap.length, 0);
    // The largest appended record that still fits (fitting is monotonic in its size).
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const extra = Buffer.alloc(mid, 0xff);
      if (planWrite([...records, extra], held, live.reserved, this.memory.capacity)) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private checkSize(records: readonly Buffer[]): number {
    const size = records.reduce((sum, r) => sum + r.length, 0);
    if (size > this.maxPayloadBytes) throw cardFull(size, this.maxPayloadBytes);
    return size;
  }

  private get lastHeaders(): Buffer | undefined {
    return this.known?.headers;
  }

  private freeFor(live: Live | null): number {
    return freeGaps(this.memory.capacity, live?.reserved ?? []).reduce((sum, gap) => sum + gap.length, 0);
  }

  /** The contents as they are now; a write right after a read only re-reads the headers. */
  private async current(): Promise<Live | null> {
    const headers = await this.readBytes(0, HEADER_AREA_BYTES);
    if (this.known?.headers.equals(headers)) return this.known.live;
    const scan = await this.scan(headers);
    if (!scan.live && scan.state === 'foreign')
      throw new CardError(
        'NOT_CARDGATE',
        'This is not a Cardgate card; nothing was written so its data stays intact. Please use a Cardgate card.',
      );
    return scan.live;
  }

  private async scan(headers: Buffer): Promise<Scan> {
    const live = (await this.scanFormat2(headers)) ?? (await this.scanFormat1(headers));
    if (live) {
      this.known = { headers, live };
      return { live };
    }
    const state = classify(headers);
    if (state !== 'foreign') this.known = { headers, live: null };
    return { live: null, state };
  }

  private async scanFormat2(headers: Buffer): Promise<Live | undefined> {
    const found = ([0, 1] as const).flatMap((slot) => {
      const header = parseCommitHeader(headers.subarray(slot * HEADER_BYTES, (slot + 1) * HEADER_BYTES));
      return header ? [{ slot, header }] : [];
    });
    if (found.length === 2 && isNewer(found[1]!.header.seq, found[0]!.header.seq)) found.reverse();
    for (const { slot, header } of found) {
      let map: Buffer = Buffer.alloc(0);
      let extents: Extent[];
      const reserved: Extent[] = [];
      if ('map' in header) {
        if (!this.inData(header.map) || header.map.length % 4 !== 0 || header.map.length > MAX_MAP_BYTES) continue;
        map = await this.readBytes(header.map.offset, header.map.length);
        extents = decodeExtents(map);
        reserved.push(header.map);
      } else extents = header.extents;
      if (!extents.every((extent) => this.inData(extent))) continue;
      const payload = await this.readExtents(extents);
      if (commitChecksum(header.covered, map, payload) !== header.crc) continue;
      return { format: 2, slot, seq: header.seq, extents, reserved: [...extents, ...reserved], payload };
    }
    return undefined;
  }

  private async scanFormat1(headers: Buffer): Promise<Live | undefined> {
    const slotSize = slotBytes(this.memory.capacity);
    const found = ([0, 1] as const)
      .map((slot) => ({ slot, header: parseHeader(headers.subarray(slot * HEADER_BYTES, (slot + 1) * HEADER_BYTES)) }))
      .flatMap(({ slot, header }) => (header.kind === 'slot' && header.length <= slotSize ? [{ slot, ...header }] : []))
      .sort((a, b) => b.seq - a.seq);
    for (const { slot, seq, length, crc } of found) {
      const extent = { offset: payloadOffset(slot, this.memory.capacity), length };
      const payload = await this.readBytes(extent.offset, length);
      if (slotChecksum(seq, payload) === crc)
        return { format: 1, slot, seq, extents: [extent], reserved: [extent], payload };
    }
    return undefined;
  }

  private inData(extent: Extent): boolean {
    return extent.offset >= HEADER_AREA_BYTES && extent.offset + extent.length <= this.memory.capacity;
  }

  /** The extents' bytes in order, reading neighbouring ones in one go. */
  private async readExtents(extents: readonly Extent[]): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let i = 0; i < extents.length;) {
      let j = i + 1;
      let end = extents[i]!.offset + extents[i]!.length;
      while (j < extents.length && extents[j]!.offset >= end && extents[j]!.offset - end <= READ_TOGETHER_GAP) {
        end = extents[j]!.offset + extents[j]!.length;
        j++;
      }
      const start = extents[i]!.offset;
      const bytes = end > start ? await this.readBytes(start, end - start) : Buffer.alloc(0);
      for (const extent of extents.slice(i, j))
        parts.push(bytes.subarray(extent.offset - start, extent.offset - start + extent.length));
      i = j;
    }
    return Buffer.concat(parts);
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

function stored(live: Live): Stored {
  return {
    format: live.format,
    payload: live.payload,
    usedBytes: live.reserved.reduce((sum, extent) => sum + extent.length, 0),
  };
}

/** The records of format-2 contents, each with its place on the card (a record split over two extents is not kept in place). */
function heldRecords(live: Live | null): PlacedRecord[] {
  if (live?.format !== 2) return [];
  const spans = recordSpans(live.payload) ?? [];
  const held: PlacedRecord[] = [];
  for (const span of spans) {
    let logical = 0;
    for (const extent of live.extents) {
      if (span.offset >= logical && span.offset + span.length <= logical + extent.length) {
        held.push({
          bytes: live.payload.subarray(span.offset, span.offset + span.length),
          offset: extent.offset + span.offset - logical,
        });
        break;
      }
      logical += extent.length;
    }
  }
  return held;
}
