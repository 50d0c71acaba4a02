import { randomFillSync } from 'node:crypto';

// Crockford's base32 without I, L, O, U: ids stay unambiguous when read aloud or typed at a kiosk.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes are drawn 4 KiB at a time: one call into the CSPRNG per ~400 ids instead of one per id.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** A random id like `ORD-7K3M9Q2B`: `length` base32 characters after the prefix (5 bits each). */
export function newId(prefix: string, length = 10): string {
  if (used + length > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let id = `${prefix}-`;
  for (let i = 0; i < length; i++) id += ALPHABET[pool[used + i]! & 31];
  used += length;
  return id;
}
