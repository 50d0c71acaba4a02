/**
 * The PC/SC part 3 storage-card commands the driver sends (the reader turns
 * them into the card's own commands, e.g. NTAG READ/WRITE), and how their
 * status words become CardErrors a person can act on.
 */
import { CardError } from '../card-error.js';

/** Bytes per page of an NFC Forum Type 2 tag (NTAG, MIFARE Ultralight). */
export const PAGE_BYTES = 4;
/** Page 3 holds the capability container; user memory starts at page 4. */
export const CC_PAGE = 3;
export const USER_PAGE = 4;
/** Room for the largest short-APDU answer: 256 data bytes and SW1 SW2. */
export const MAX_RESPONSE_BYTES = 258;

export const getUid = () => Buffer.from('FFCA000000', 'hex');

/** READ BINARY of `length` bytes (1..256) from `page` (P1 P2 = page address). */
export function readBinary(page: number, length: number): Buffer {
  return Buffer.of(0xff, 0xb0, page >> 8, page & 0xff, length & 0xff);
}

/** UPDATE BINARY of `data` (whole pages) at `page`. */
export function updateBinary(page: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.of(0xff, 0xd6, page >> 8, page & 0xff, data.length), data]);
}

export interface Response {
  readonly data: Buffer;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  readonly sw: number;
}

export function parseResponse(raw: Buffer): Response {
  if (raw.length < 2)
    throw new CardError(
      'READ_FAILED',
      'The card reader gave an answer too short to understand. Present the card again.',
    );
  return { data: raw.subarray(0, raw.length - 2), sw: raw.readUInt16BE(raw.length - 2) };
}

export const OK = 0x9000;
/** 6C XX: wrong Le; XX is how many bytes the reader can return. */
export const isWrongLe = (sw: number) => sw >> 8 === 0x6c;
export const WRONG_LENGTH = 0x6700;

const hex = (sw: number) => sw.toString(16).toUpperCase().padStart(4, '0');

/** The CardError for a status word other than 90 00 after a read or a write. */
export function statusError(sw: number, operation: 'read' | 'write'): CardError {
  if (operation === 'write' && (sw === 0x6982 || sw === 0x6986 || sw === 0x6985)) {
    return new CardError(
      'READ_ONLY',
      `This card is locked (read only): tickets cannot be written on it. Nothing was changed. Please use another card. (status ${hex(sw)})`,
    );
  }
  if (sw === 0x6a81 || sw === 0x6d00 || sw === 0x6e00) {
    return new CardError(
      'NOT_CARDGATE',
      `This card is not a storage card the reader can ${operation} (status ${hex(sw)}). Please use a Cardgate card.`,
    );
  }
  if (operation === 'write') {
    return new CardError(
      'WRITE_FAILED',
      `Writing the card failed (status ${hex(sw)}); it still holds its previous tickets. Hold it still on the reader and try again.`,
    );
  }
  return new CardError(
    'READ_FAILED',
    `The card could not be read (status ${hex(sw)}). Hold it still on the reader and try again.`,
  );
}
