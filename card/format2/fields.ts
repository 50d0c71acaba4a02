/**
 * Compact encodings of the fields the center issues, each lossless for any
 * value (the signature covers the exact TicketInfo and BuyerIdentification,
 * so the gate must rebuild them byte for byte) and short for the usual ones:
 *
 * - ids `PFX-` + Crockford base32 (center/ids.ts): 5 bits a character
 *   (TKT-XXXXXXXXXX: 8 bytes instead of 15); anything else as text.
 * - card ids in upper-case hex (UIDs): the bytes themselves.
 * - times: whole minutes, seconds or milliseconds from 2025-01-01, whichever
 *   is exact (an event at 20:00: 4 bytes; a purchase time: 6).
 * - currency codes of three capital letters: 2 bytes.
 */
import { MalformedPayload, type ByteReader, type ByteWriter } from './bytes.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CROCKFORD_BODY = /^[0-9A-HJKMNP-TV-Z]+$/;
const HEX_ID = /^(?:[0-9A-F]{2})+$/;

/** An id `${prefix}-BODY`: tag bit 1 = packed base32 body, 0 = plain text. */
export function writeId(out: ByteWriter, value: string, prefix: string): void {
  const body = value.startsWith(`${prefix}-`) ? value.slice(prefix.length + 1) : '';
  if (!CROCKFORD_BODY.test(body)) {
    const text = Buffer.from(value, 'utf8');
    out.varint(text.length * 2).bytes(text);
    return;
  }
  out.varint(body.length * 2 + 1);
  const packed = Buffer.alloc(Math.ceil((body.length * 5) / 8));
  for (let i = 0; i < body.length; i++) {
    const symbol = CROCKFORD.indexOf(body[i]!);
    for (let bit = 0; bit < 5; bit++)
      if (symbol & (0x10 >> bit)) packed[(i * 5 + bit) >> 3]! |= 0x80 >> ((i * 5 + bit) & 7);
  }
  out.bytes(packed);
}

export function readId(from: ByteReader, prefix: string): string {
  const tag = from.varint();
  const length = Math.floor(tag / 2);
  if (tag % 2 === 0) return from.bytes(length).toString('utf8');
  const packed = from.bytes(Math.ceil((length * 5) / 8));
  let body = '';
  for (let i = 0; i < length; i++) {
    let symbol = 0;
    for (let bit = 0; bit < 5; bit++)
      symbol = (symbol << 1) | ((packed[(i * 5 + bit) >> 3]! >> (7 - ((i * 5 + bit) & 7))) & 1);
    body += CROCKFORD[symbol];
  }
  return `${prefix}-${body}`;
}

/** A card id: its bytes when it is upper-case hex (a UID), else text. */
export function writeCardId(out: ByteWriter, value: string): void {
  if (HEX_ID.test(value)) out.varint(value.length + 1).bytes(Buffer.from(value, 'hex'));
  else {
    const text = Buffer.from(value, 'utf8');
    out.varint(text.length * 2).bytes(text);
  }
}

export function readCardId(from: ByteReader): string {
  const tag = from.varint();
  if (tag % 2 === 0) return from.bytes(tag / 2).toString('utf8');
  return from
    .bytes((tag - 1) / 2)
    .toString('hex')
    .toUpperCase();
}

/** 2025-01-01T00:00:00Z: times near it take the fewest bytes. */
const EPOCH_MS = Date.UTC(2025, 0, 1);
const UNITS = [60_000, 1_000, 1] as const;
/** Magnitudes below this fit `(magnitude * 2 + sign) * 4 + unit` in a safe integer. */
const COMPACT_LIMIT = 2 ** 49;
const WIDE = 3;

export function writeTime(out: ByteWriter, value: Date): void {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('an invalid Date cannot be written to a card');
  const delta = ms - EPOCH_MS;
  const unit = UNITS.findIndex((size) => delta % size === 0);
  const count = delta / UNITS[unit]!;
  const magnitude = Math.abs(count);
  if (magnitude < COMPACT_LIMIT) out.varint((magnitude * 2 + (count < 0 ? 1 : 0)) * 4 + unit);
  else
    out
      .varint(WIDE)
      .byte(delta < 0 ? 1 : 0)
      .varint(Math.abs(delta));
}

export function readTime(from: ByteReader): Date {
  const code = from.varint();
  const unit = code % 4;
  let delta: number;
  if (unit === WIDE) {
    const negative = from.byte() === 1;
    delta = (negative ? -1 : 1) * from.varint();
  } else {
    const signed = Math.floor(code / 4);
    const magnitude = Math.floor(signed / 2);
    delta = (signed % 2 === 1 ? -magnitude : magnitude) * UNITS[unit]!;
  }
  const date = new Date(EPOCH_MS + delta);
  if (!Number.isFinite(date.getTime())) throw new MalformedPayload('a time on the card is out of range');
  return date;
}

const LETTERS = /^[A-Z]{3}$/;

/** True when `code` packs into two bytes (ISO 4217 style). */
export const isLetterCode = (code: string) => LETTERS.test(code);

export function writeLetterCode(out: ByteWriter, code: string): void {
  const n = [...code].reduce((sum, c) => sum * 26 + (c.charCodeAt(0) - 65), 0);
  out.byte(n >> 8).byte(n & 0xff);
}

export function readLetterCode(from: ByteReader): string {
  let n = (from.byte() << 8) | from.byte();
  if (n >= 26 ** 3) throw new MalformedPayload('a currency code on the card is out of range');
  let code = '';
  for (let i = 0; i < 3; i++, n = Math.floor(n / 26)) code = String.fromCharCode(65 + (n % 26)) + code;
  return code;
}
