/**
 * The emulated card's memory on disk: the same layout as a `file:` card
 * (16-byte NTAG manufacturer block = pages 0-3, then user memory), so one
 * file can be presented through the emulator or opened as `file:PATH`.
 * Every page the reader writes is written to the file before the reader gets
 * its answer, so killing the emulator loses at most the APDU in flight,
 * exactly like pulling a card off a reader.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CardError } from '../card-error.js';
import { MANUFACTURER_BLOCK_BYTES, manufacturerBlock, uidOf } from '../file-card.js';
import { USER_PAGE, PAGE_BYTES } from './storage-tag.js';

/** NTAG216's data area as its capability container states it (0x6D x 8). */
export const NTAG216_CAPACITY = 872;
/** The largest data area a Type 2 tag's capability container can state (0xFF x 8); larger cards state 0xFF. */
export const CC_MAX_CAPACITY = 2040;
/** The largest NTAG-like card `card emulate --capacity` makes. */
export const MAX_TAG_CAPACITY = 8192;
/** An empty NDEF message TLV: what a factory-fresh NTAG holds at page 4. */
const FACTORY_NDEF = Buffer.from('0300FE00', 'hex');

export function checkTagCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 144 || capacity > MAX_TAG_CAPACITY || capacity % 8 !== 0) {
    throw new CardError(
      'BAD_SPEC',
      `An emulated card's capacity must be a multiple of 8 from 144 (NTAG213) to ${MAX_TAG_CAPACITY} bytes (NTAG216: ${NTAG216_CAPACITY}), not ${capacity}.`,
    );
  }
}

export class TagFile {
  private constructor(
    readonly path: string,
    readonly pages: Buffer,
    private readonly fd: number,
  ) {}

  /** Opens `path`, or creates a factory-fresh card of `capacity` bytes with a random UID when it does not exist. */
  static open(path: string, capacity = NTAG216_CAPACITY): TagFile {
    let pages: Buffer;
    try {
      pages = readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new CardError('READ_FAILED', `The card file ${path} cannot be read: ${(error as Error).message}`, {
          cause: error,
        });
      checkTagCapacity(capacity);
      const uid = Buffer.concat([Buffer.of(0x04), randomBytes(6)]);
      pages = Buffer.concat([
        manufacturerBlock(uid, capacity),
        FACTORY_NDEF,
        Buffer.alloc(capacity - FACTORY_NDEF.length),
      ]);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, pages, { flag: 'wx' });
    }
    const userBytes = pages.length - MANUFACTURER_BLOCK_BYTES;
    if (pages.length < MANUFACTURER_BLOCK_BYTES || !uidOf(pages.subarray(0, MANUFACTURER_BLOCK_BYTES))) {
      throw new CardError(
        'NOT_CARDGATE',
        `${path} is not a card file (its first 16 bytes are not an NTAG UID block); use another --file.`,
      );
    }
    const stated = pages[14]! * 8;
    if (
      stated !== userBytes &&
      !(stated === CC_MAX_CAPACITY && userBytes > CC_MAX_CAPACITY && userBytes <= MAX_TAG_CAPACITY)
    ) {
      throw new CardError(
        'BAD_SPEC',
        `${path} holds ${userBytes} bytes of user memory but its capability container states ${stated}; use a card file made by \`card emulate\`.`,
      );
    }
    return new TagFile(path, pages, openSync(path, 'r+'));
  }

  get capacity(): number {
    return this.pages.length - USER_PAGE * PAGE_BYTES;
  }

  /** Writes the given byte range of `pages` through to the file. */
  persist(offset: number, length: number): void {
    writeSync(this.fd, this.pages, offset, length, offset);
  }

  close(): void {
    closeSync(this.fd);
  }
}
