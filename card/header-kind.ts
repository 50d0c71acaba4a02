/**
 * What the two header areas of a card say when neither holds valid
 * contents (log-store.ts asks): blank, damaged or another application's.
 */
import { hasCommitMagic, HEADER_BYTES } from './format2/commit-header.js';
import { parseHeader } from './slot-layout.js';

/**
 * What a card without valid contents is, from its two headers: blank (never
 * written, a factory NDEF message, or one torn first write), damaged (ours,
 * none readable) or foreign (another application's data).
 */
export function classify(headers: Buffer): 'blank' | 'damaged' | 'foreign' {
  const kinds = ([0, 1] as const).map((slot) =>
    headerKind(headers.subarray(slot * HEADER_BYTES, (slot + 1) * HEADER_BYTES)),
  );
  const ours = kinds.filter((kind) => kind === 'ours').length;
  if (ours > 0) return ours === 1 && !kinds.includes('foreign') ? 'blank' : 'damaged';
  return kinds.includes('foreign') ? 'foreign' : 'blank';
}

const FORMAT2_PREFIXES = [Buffer.from('CG\x20', 'latin1'), Buffer.from('CG\x21', 'latin1')];

function headerKind(bytes: Buffer): 'empty' | 'ours' | 'foreign' {
  if (hasCommitMagic(bytes)) return 'ours';
  const v1 = parseHeader(bytes);
  if (v1.kind === 'slot') return 'ours';
  if (v1.kind === 'empty' || v1.kind === 'partial') return 'empty';
  // A format-2 header cut inside its first bytes on a blank card: a prefix of its magic, zeros after.
  let written = bytes.length;
  while (written > 0 && bytes[written - 1] === 0) written--;
  return FORMAT2_PREFIXES.some(
    (magic) => written < magic.length && bytes.subarray(0, written).equals(magic.subarray(0, written)),
  )
    ? 'empty'
    : 'foreign';
}
