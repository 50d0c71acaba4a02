/**
 * Format 2's commit headers: two 16-byte headers at the start of user
 * memory (where format 1 kept its two slot headers), each naming where the
 * image's bytes lie. The header with the newer sequence number and a
 * matching CRC is the card's contents; a writer puts new bytes only where
 * the current contents do not lie and writes the other header last, so a
 * card pulled at any byte keeps its old or gets its new contents.
 *
 *   0..1   magic "CG"
 *   2      0x20 = extents inline, 0x21 = extents in a map (format 2)
 *   3      seq (u8; the newer of two valid headers is one ahead, mod 256)
 *   4..7   extent A: offset (u16 BE), length (u16 BE)   | map: offset, length
 *   8..11  extent B: offset, length (0, 0 when unused)   | 0, 0
 *   12..15 CRC32 over bytes 0..11, the map and the payload
 *
 * The payload is the extents' bytes in order; a map (4 bytes an extent,
 * same encoding) is used only when more than two extents are needed.
 */
import { crc32 } from 'node:zlib';

export const HEADER_BYTES = 16;
export const HEADER_AREA_BYTES = 2 * HEADER_BYTES;
const MAGIC = Buffer.from('CG', 'latin1');
const INLINE = 0x20;
const MAPPED = 0x21;

export interface Extent {
  readonly offset: number;
  readonly length: number;
}

export type CommitHeader = {
  readonly seq: number;
  readonly crc: number;
  /** Bytes 0..11, which the CRC covers. */
  readonly covered: Buffer;
} & ({ readonly extents: Extent[] } | { readonly map: Extent });

/** True when these 16 bytes start like a format-2 header (maybe torn: the CRC decides). */
export const hasCommitMagic = (bytes: Buffer) =>
  bytes.subarray(0, 2).equals(MAGIC) && (bytes[2] === INLINE || bytes[2] === MAPPED);

export function parseCommitHeader(bytes: Buffer): CommitHeader | undefined {
  if (!hasCommitMagic(bytes)) return undefined;
  const a = { offset: bytes.readUInt16BE(4), length: bytes.readUInt16BE(6) };
  const b = { offset: bytes.readUInt16BE(8), length: bytes.readUInt16BE(10) };
  const common = { seq: bytes[3]!, crc: bytes.readUInt32BE(12), covered: Buffer.from(bytes.subarray(0, 12)) };
  if (bytes[2] === MAPPED) return { ...common, map: a };
  return { ...common, extents: [a, b].filter((extent) => extent.length > 0) };
}

export function encodeExtents(extents: readonly Extent[]): Buffer {
  const out = Buffer.alloc(4 * extents.length);
  extents.forEach((extent, i) => {
    out.writeUInt16BE(extent.offset, 4 * i);
    out.writeUInt16BE(extent.length, 4 * i + 2);
  });
  return out;
}

export function decodeExtents(map: Buffer): Extent[] {
  return Array.from({ length: Math.floor(map.length / 4) }, (_, i) => ({
    offset: map.readUInt16BE(4 * i),
    length: map.readUInt16BE(4 * i + 2),
  }));
}

export function commitChecksum(covered: Buffer, map: Buffer, payload: Buffer): number {
  return crc32(payload, crc32(map, crc32(covered)));
}

/** A header for `extents` (inline when at most two, else `map` says where their map lies). */
export function buildCommitHeader(
  seq: number,
  extents: readonly Extent[],
  map: Extent | undefined,
  payload: Buffer,
): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[2] = map ? MAPPED : INLINE;
  header[3] = seq & 0xff;
  const words = map ? [map] : extents;
  if (words.length > 2) throw new RangeError('more than two extents need a map');
  encodeExtents(words).copy(header, 4);
  const mapBytes = map ? encodeExtents(extents) : Buffer.alloc(0);
  header.writeUInt32BE(commitChecksum(header.subarray(0, 12), mapBytes, payload), 12);
  return header;
}

/** True when seq `a` is newer than seq `b` (u8 wrapping). */
export const isNewer = (a: number, b: number) => ((a - b) & 0xff) > 0 && ((a - b) & 0xff) < 128;
