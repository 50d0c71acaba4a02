/**
 * Where a format-2 write puts its bytes. Records the card already holds
 * (byte for byte) stay where they are; only new records take space, and
 * only space the current contents do not use, so the current commit stays
 * intact until the new header is written. The result is the new payload's
 * extents (coalesced), the writes to make, and a map when more than two
 * extents are needed.
 */
import { encodeExtents, HEADER_AREA_BYTES, type Extent } from './commit-header.js';

/** A record the card holds now, at `offset` in user memory. */
export interface PlacedRecord {
  readonly bytes: Buffer;
  readonly offset: number;
}

export interface WritePlan {
  readonly extents: Extent[];
  readonly map: Extent | undefined;
  /** New bytes to write, lowest address first. */
  readonly writes: Array<{ readonly offset: number; readonly data: Buffer }>;
  readonly payload: Buffer;
}

/** The free gaps of user memory [HEADER_AREA_BYTES, capacity) around `reserved`, lowest first. */
export function freeGaps(capacity: number, reserved: readonly Extent[]): Extent[] {
  const taken = [...reserved].filter((e) => e.length > 0).sort((a, b) => a.offset - b.offset);
  const gaps: Extent[] = [];
  let at = HEADER_AREA_BYTES;
  for (const extent of taken) {
    if (extent.offset > at) gaps.push({ offset: at, length: extent.offset - at });
    at = Math.max(at, extent.offset + extent.length);
  }
  if (capacity > at) gaps.push({ offset: at, length: capacity - at });
  return gaps;
}

/** Plans writing `records`; undefined when they do not fit around `reserved`. */
export function planWrite(
  records: readonly Buffer[],
  held: readonly PlacedRecord[],
  reserved: readonly Extent[],
  capacity: number,
): WritePlan | undefined {
  const where = new Map<string, number[]>();
  for (const { bytes, offset } of held) {
    const key = bytes.toString('hex');
    where.set(key, [...(where.get(key) ?? []), offset]);
  }
  const gaps = freeGaps(capacity, reserved).map((gap) => ({ ...gap }));
  const extents: Extent[] = [];
  const writes: Array<{ offset: number; data: Buffer }> = [];
  const extend = (offset: number, length: number) => {
    const last = extents.at(-1);
    if (last && last.offset + last.length === offset)
      extents[extents.length - 1] = { offset: last.offset, length: last.length + length };
    else extents.push({ offset, length });
  };
  const take = (gap: { offset: number; length: number }, length: number) => {
    const offset = gap.offset;
    gap.offset += length;
    gap.length -= length;
    return offset;
  };
  const place = (data: Buffer): boolean => {
    let rest = data;
    while (rest.length > 0) {
      const last = extents.at(-1);
      const gap =
        (last && gaps.find((g) => g.length > 0 && g.offset === last.offset + last.length)) ??
        gaps.find((g) => g.length >= rest.length) ??
        gaps.find((g) => g.length > 0);
      if (!gap) return false;
      const length = Math.min(gap.length, rest.length);
      const offset = take(gap, length);
      writes.push({ offset, data: rest.subarray(0, length) });
      extend(offset, length);
      rest = rest.subarray(length);
    }
    return true;
  };
  let pending: Buffer[] = [];
  for (const record of records) {
    const options = where.get(record.toString('hex'));
    if (!options) {
      pending.push(record);
      continue;
    }
    if (pending.length && !place(Buffer.concat(pending))) return undefined;
    pending = [];
    const last = extents.at(-1);
    const next = last ? last.offset + last.length : undefined;
    extend(options.includes(next ?? -1) ? next! : options[0]!, record.length);
  }
  if (pending.length && !place(Buffer.concat(pending))) return undefined;
  let map: Extent | undefined;
  if (extents.length > 2) {
    const length = 4 * extents.length;
    const gap = [...gaps].reverse().find((g) => g.length >= length);
    if (!gap || extents.length > 255) return undefined;
    map = { offset: gap.offset + gap.length - length, length };
    gap.length -= length;
    writes.push({ offset: map.offset, data: encodeExtents(extents) });
  }
  writes.sort((a, b) => a.offset - b.offset);
  return { extents, map, writes, payload: Buffer.concat(records) };
}
