import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O, U: ids stay unambiguous when read aloud or typed at a kiosk.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random id like `ORD-7K3M9Q2B`: `length` base32 characters after the prefix (5 bits each). */
export function newId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return `${prefix}-${id}`;
}
