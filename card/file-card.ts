/**
 * The `file:` driver's card: a file holding raw card memory, laid out like
 * an NTAG21x tag. The first 16 bytes are the manufacturer block (7-byte UID
 * with its check bytes, lock bytes, capability container) and user memory
 * follows, so the framing and a later PC/SC driver see the same user-memory
 * view. A missing file is created blank with a random UID: a new card.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CardError } from './card-error.js';
import { FileCardMemory } from './file-memory.js';
import { MemoryCard } from './memory-card.js';
import { MIN_CAPACITY } from './slot-layout.js';

export const MANUFACTURER_BLOCK_BYTES = 16;
export const DEFAULT_FILE_CAPACITY = 8192;
/** NXP's manufacturer code, the first UID byte of every NTAG. */
const NXP = 0x04;
/** NFC Forum capability container magic. */
const CC_MAGIC = 0xe1;

/** NTAG pages 0-3: UID0 UID1 UID2 BCC0 | UID3..UID6 | BCC1 internal lock lock | CC. */
export function manufacturerBlock(uid: Buffer, capacity: number): Buffer {
  const block = Buffer.alloc(MANUFACTURER_BLOCK_BYTES);
  uid.copy(block, 0, 0, 3);
  block[3] = 0x88 ^ uid[0]! ^ uid[1]! ^ uid[2]!;
  uid.copy(block, 4, 3, 7);
  block[8] = uid[3]! ^ uid[4]! ^ uid[5]! ^ uid[6]!;
  block[9] = 0x48;
  block.set([CC_MAGIC, 0x10, Math.min(0xff, Math.floor(capacity / 8)), 0x00], 12);
  return block;
}

/** The card id in a manufacturer block, or undefined when the check bytes do not match. */
export function uidOf(block: Buffer): string | undefined {
  const bcc0 = 0x88 ^ block[0]! ^ block[1]! ^ block[2]!;
  const bcc1 = block[4]! ^ block[5]! ^ block[6]! ^ block[7]!;
  if (block[3] !== bcc0 || block[8] !== bcc1 || block[12] !== CC_MAGIC) return undefined;
  return Buffer.concat([block.subarray(0, 3), block.subarray(4, 8)])
    .toString('hex')
    .toUpperCase();
}

function notACardFile(path: string, why: string): CardError {
  return new CardError(
    'NOT_CARDGATE',
    `${path} is not a virtual card file (${why}). Use another path, or delete it to start with a new blank card.`,
  );
}

/** A blank card file: a random UID and zeroed user memory. Fails if the file appeared meanwhile. */
async function createBlank(path: string, capacity: number): Promise<void> {
  if (!Number.isInteger(capacity) || capacity < MIN_CAPACITY || capacity % 4 !== 0) {
    throw new CardError(
      'BAD_SPEC',
      `A virtual card's capacity must be a multiple of 4 of at least ${MIN_CAPACITY} bytes, not ${capacity}.`,
    );
  }
  const uid = Buffer.concat([Buffer.of(NXP), randomBytes(6)]);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, Buffer.concat([manufacturerBlock(uid, capacity), Buffer.alloc(capacity)]), { flag: 'wx' });
}

/** Opens the card file at `path`, creating a blank card of `capacity` user bytes when there is none. */
export async function openFileCard(path: string, capacity = DEFAULT_FILE_CAPACITY): Promise<MemoryCard> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new CardError('READ_FAILED', `The virtual card ${path} cannot be opened: ${(cause as Error).message}`, {
        cause,
      });
    // Another process may create it at the same moment; whoever loses simply opens the winner's card.
    await createBlank(path, capacity).catch((error) => {
      if (error instanceof CardError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new CardError(
          'WRITE_FAILED',
          `A new virtual card cannot be created at ${path}: ${(error as Error).message}`,
          { cause: error },
        );
    });
    return openFileCard(path, capacity);
  }
  try {
    const { size } = await handle.stat();
    const userBytes = size - MANUFACTURER_BLOCK_BYTES;
    if (userBytes < MIN_CAPACITY || userBytes % 4 !== 0)
      throw notACardFile(
        path,
        `${size} bytes; a card file is 16 bytes plus a multiple of 4 of at least ${MIN_CAPACITY}`,
      );
    const block = Buffer.alloc(MANUFACTURER_BLOCK_BYTES);
    await handle.read(block, 0, MANUFACTURER_BLOCK_BYTES, 0);
    const id = uidOf(block);
    if (!id) throw notACardFile(path, 'its first 16 bytes are not a card UID block');
    return new MemoryCard(id, new FileCardMemory(path, MANUFACTURER_BLOCK_BYTES, userBytes));
  } finally {
    await handle.close();
  }
}
