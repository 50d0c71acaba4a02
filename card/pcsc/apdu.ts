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

/** NTAG FAST_READ of pages `start..end` through the ACR122U's direct transmit (PN532 InCommunicateThru). */
export function fastRead(start: number, end: number): Buffer {
  return Buffer.of(0xff, 0x00, 0x00, 0x00, 0x05, 0xd4, 0x42, 0x3a, start, end);
}

/** The pages of a FAST_READ answer (D5 43 00 + data); 'nak' when the card refused the range, 'refused' when the reader did not pass the command on. */
export function fastReadData(response: Response, pages: number): Buffer | 'nak' | 'refused' {
  const { data, sw } = response;
  if (sw !== OK || data.length < 3 || data[0] !== 0xd5 || data[1] !== 0x43) return 'refused';
  if (data[2] !== 0 || data.length !== 3 + pages * PAGE_BYTES) return 'nak';
  return data.subarray(3);
}

/** The most pages the driver asks one FAST_READ for: what an ACR122U's PN532 frame carries with room to spare. */
export const FAST_READ_PAGES = 60;

/** LOAD KEYS into the reader's volatile key slot `slot` (MIFARE Classic). */
export const loadKey = (slot: number, key: Buffer) => Buffer.concat([Buffer.of(0xff, 0x82, 0x00, slot, 0x06), key]);

/** GENERAL AUTHENTICATE of `block`'s sector with key A (0x60) or B (0x61) from key slot `slot`. */
export const authenticate = (block: number, keyType: 0x60 | 0x61, slot: number) =>
  Buffer.of(0xff, 0x86, 0x00, 0x00, 0x05, 0x01, 0x00, block, keyType, slot);
