/**
 * Where things live in user memory, and the 16-byte slot header.
 *
 *   0..15   slot 0 header     16..31  slot 1 header
 *   32..    slot 0 payload    32+S..  slot 1 payload   (S = slot size, a multiple of 4)
 *
 * Both headers sit together at the start so a reader gets both in one read,
 * then reads only the used bytes of the newest slot. Every region starts on a
 * 4-byte page so that a page-wise driver (NTAG) never touches one slot while
 * writing the other.
 *
 * Header: magic "CGC1", seq (u32 BE), payload length (u32 BE), CRC32 over
 * seq, length and payload. The CRC covers the header too: a torn header write
 * that kept an old length and CRC but a new seq must not revive an old image.
 */
import { crc32 } from 'node:zlib';

export const SLOT_MAGIC = Buffer.from('CGC1', 'latin1');
export const SLOT_HEADER_BYTES = 16;
export const HEADER_AREA_BYTES = 2 * SLOT_HEADER_BYTES;
export const SLOTS = [0, 1] as const;
export type Slot = (typeof SLOTS)[number];
const PAGE_BYTES = 4;
/** Below this a slot could not hold even an empty image worth having. */
export const MIN_CAPACITY = HEADER_AREA_BYTES + 2 * 32;

/** Payload bytes of one slot: the largest image a card of `capacity` user bytes holds. */
export function slotBytes(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < MIN_CAPACITY)
    throw new RangeError(`card capacity ${capacity} is below the minimum of ${MIN_CAPACITY} bytes`);
  const half = Math.floor((capacity - HEADER_AREA_BYTES) / 2);
  return half - (half % PAGE_BYTES);
}

export const headerOffset = (slot: Slot) => slot * SLOT_HEADER_BYTES;
export const payloadOffset = (slot: Slot, capacity: number) => HEADER_AREA_BYTES + slot * slotBytes(capacity);

/**
 * What a header's 16 bytes say. `empty` is never-written memory (or a new
 * NFC card's empty NDEF message); `partial` is
 * a magic cut short by a torn first write (a prefix of it, zeros after);
 * `slot` has the whole magic (its CRC still needs checking); `foreign` is
 * anything else, i.e. someone else's data.
 */
export type SlotHeader =
  | { readonly kind: 'empty' | 'partial' | 'foreign' }
  | { readonly kind: 'slot'; readonly seq: number; readonly length: number; readonly crc: number };

/** An empty NDEF message TLV (03 00 FE): what a factory-fresh NTAG holds at the start of user memory. */
const FACTORY_NDEF = Buffer.of(0x03, 0x00, 0xfe);

export function parseHeader(bytes: Buffer): SlotHeader {
  if (bytes.every((b) => b === 0)) return { kind: 'empty' };
  // A new NFC card is blank, not another application's: nothing is lost by writing over an empty NDEF message.
  if (bytes.subarray(0, 3).equals(FACTORY_NDEF) && bytes.subarray(3).every((b) => b === 0)) return { kind: 'empty' };
  if (bytes.subarray(0, SLOT_MAGIC.length).equals(SLOT_MAGIC)) {
    return { kind: 'slot', seq: bytes.readUInt32BE(4), length: bytes.readUInt32BE(8), crc: bytes.readUInt32BE(12) };
  }
  let written = bytes.length;
  while (written > 0 && bytes[written - 1] === 0) written--;
  const isMagicPrefix =
    written < SLOT_MAGIC.length && bytes.subarray(0, written).equals(SLOT_MAGIC.subarray(0, written));
  return { kind: isMagicPrefix ? 'partial' : 'foreign' };
}

/** CRC32 over seq, length and payload. */
export function slotChecksum(seq: number, payload: Buffer): number {
  const fields = Buffer.alloc(8);
  fields.writeUInt32BE(seq, 0);
  fields.writeUInt32BE(payload.length, 4);
  // Never hand zlib an empty buffer: one without backing memory (Buffer.concat([])) reaches zlib as NULL, and
  // crc32(crc, NULL, 0) returns 0, which made a torn header (length 0, CRC 0) look valid.
  return payload.length === 0 ? crc32(fields) : crc32(payload, crc32(fields));
}

export function buildHeader(seq: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(SLOT_HEADER_BYTES);
  SLOT_MAGIC.copy(header, 0);
  header.writeUInt32BE(seq, 4);
  header.writeUInt32BE(payload.length, 8);
  header.writeUInt32BE(slotChecksum(seq, payload), 12);
  return header;
}
