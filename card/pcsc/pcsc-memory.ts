/**
 * A Type 2 tag's user memory (page 4 on) as CardMemory, over READ BINARY and
 * UPDATE BINARY. Reads and writes go in the largest chunks the reader takes:
 * the first try is large, a reader that allows less says so (6C XX for a
 * read, 67 00 for a write) and the driver remembers its limit per reader
 * name. Writes go lowest page first, as the torn-write framing requires;
 * a partial first or last page is read and merged so neighbouring bytes keep
 * their value.
 */
import { CardError } from '../card-error.js';
import { checkRange, type CardMemory } from '../card-memory.js';
import {
  FAST_READ_PAGES,
  fastRead,
  fastReadData,
  isWrongLe,
  OK,
  PAGE_BYTES,
  readBinary,
  statusError,
  updateBinary,
  USER_PAGE,
  WRONG_LENGTH,
} from './apdu.js';
import type { PcscConnection } from './pcsc-connection.js';

/** The most a short APDU carries, rounded down to whole pages. */
const FIRST_TRY_BYTES = 252;
const limits = new Map<string, { read: number; write: number }>();
/** Readers that refused FAST_READ once: they get READ BINARY from then on. */
const noFastRead = new Set<string>();
/** FAST_READ addresses pages with one byte. */
const LAST_FAST_PAGE = 255;

export class PcscMemory implements CardMemory {
  constructor(
    private readonly connection: PcscConnection,
    readonly capacity: number,
    private readonly readOnly: boolean,
  ) {}

  private get limit(): { read: number; write: number } {
    const name = this.connection.reader.name;
    let known = limits.get(name);
    if (!known) limits.set(name, (known = { read: FIRST_TRY_BYTES, write: FIRST_TRY_BYTES }));
    return known;
  }

  /** Bytes read ahead while identifying the card; served to reads until a write or `release`. */
  private ahead: { offset: number; bytes: Buffer } | undefined;

  /** Pages `page..` covering `length` bytes in one FAST_READ, or undefined when the reader does not pass it on. */
  static async readAhead(connection: PcscConnection, page: number, length: number): Promise<Buffer | undefined> {
    const pages = Math.ceil(length / PAGE_BYTES);
    if (noFastRead.has(connection.reader.name) || page + pages - 1 > LAST_FAST_PAGE) return undefined;
    const data = fastReadData(await connection.transmit(fastRead(page, page + pages - 1), 'read'), pages);
    if (data === 'refused') noFastRead.add(connection.reader.name);
    return typeof data === 'string' ? undefined : data.subarray(0, length);
  }

  prefetched(offset: number, bytes: Buffer): void {
    this.ahead = { offset, bytes };
  }

  release(): void {
    this.ahead = undefined;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    checkRange(this.capacity, offset, length);
    const ahead = this.ahead;
    if (ahead && offset >= ahead.offset && offset < ahead.offset + ahead.bytes.length) {
      // What was read ahead, then the rest from the card.
      const known = Buffer.from(ahead.bytes.subarray(offset - ahead.offset, offset - ahead.offset + length));
      if (known.length === length) return known;
      return Buffer.concat([known, await this.read(offset + known.length, length - known.length)]);
    }
    const first = Math.floor(offset / PAGE_BYTES);
    const end = Math.ceil((offset + length) / PAGE_BYTES) * PAGE_BYTES;
    const chunks: Buffer[] = [];
    for (let at = first * PAGE_BYTES; at < end;) {
      const page = USER_PAGE + at / PAGE_BYTES;
      const pages = Math.min(FAST_READ_PAGES, (end - at) / PAGE_BYTES, LAST_FAST_PAGE - page + 1);
      if (pages > this.limit.read / PAGE_BYTES) {
        const fast = await PcscMemory.readAhead(this.connection, page, pages * PAGE_BYTES);
        if (fast) {
          chunks.push(fast);
          at += fast.length;
          continue;
        }
      }
      const want = Math.min(this.limit.read, end - at);
      const { data, sw } = await this.connection.transmit(readBinary(USER_PAGE + at / PAGE_BYTES, want), 'read');
      if (isWrongLe(sw) && (sw & 0xff) >= PAGE_BYTES && (sw & 0xff) < want) {
        this.limit.read = (sw & 0xff) - ((sw & 0xff) % PAGE_BYTES);
        continue;
      }
      if (sw === WRONG_LENGTH && want > 16) {
        // A reader that only says "wrong length" gets what every Type 2 READ returns: four pages.
        this.limit.read = 16;
        continue;
      }
      if (sw !== OK || data.length < want) throw statusError(sw === OK ? 0x6282 : sw, 'read');
      chunks.push(data.subarray(0, want));
      at += want;
    }
    const pages = Buffer.concat(chunks);
    const skip = offset - first * PAGE_BYTES;
    return pages.subarray(skip, skip + length);
  }

  async write(offset: number, data: Buffer): Promise<void> {
    checkRange(this.capacity, offset, data.length);
    if (this.readOnly)
      throw new CardError(
        'READ_ONLY',
        'This card is locked (read only): tickets cannot be written on it. Nothing was changed. Please use another card.',
      );
    this.ahead = undefined;
    if (data.length === 0) return;
    const start = Math.floor(offset / PAGE_BYTES) * PAGE_BYTES;
    const end = Math.ceil((offset + data.length) / PAGE_BYTES) * PAGE_BYTES;
    let pages = data;
    if (start !== offset || end !== offset + data.length) {
      pages = await this.read(start, Math.min(end, this.capacity) - start);
      data.copy(pages, offset - start);
    }
    for (let at = 0; at < pages.length;) {
      const size = Math.min(this.limit.write, pages.length - at);
      const { sw } = await this.connection.transmit(
        updateBinary(USER_PAGE + (start + at) / PAGE_BYTES, pages.subarray(at, at + size)),
        'write',
      );
      if (sw === WRONG_LENGTH && size > PAGE_BYTES) {
        // Every Type 2 tag writes one page at a time; a reader that does not split larger writes takes pages.
        this.limit.write = PAGE_BYTES;
        continue;
      }
      if (sw !== OK) throw statusError(sw, 'write');
      at += size;
    }
  }
}
