/**
 * Identifies the card just connected. The ATR's PC/SC part 3 card name says
 * what it is: MIFARE Classic 1K/4K (data blocks behind sector keys) or a Type
 * 2 tag (NTAG21x, MIFARE Ultralight). The UID (GET DATA, FF CA) is the card
 * id. A Type 2 tag's capability container on page 3 says how much user
 * memory it has and whether it is locked; it is read together with the
 * format-2 headers in one FAST_READ where the reader passes FAST_READ on, so
 * the first read of the card needs no APDU for them. The Card itself is the
 * shared MemoryCard, so the torn-write framing protects every write.
 */
import { CardError } from '../card-error.js';
import { HEADER_AREA_BYTES } from '../format2/commit-header.js';
import { MemoryCard } from '../memory-card.js';
import { MIN_CAPACITY } from '../slot-layout.js';
import { authenticate, CC_PAGE, FAST_READ_PAGES, getUid, loadKey, OK, PAGE_BYTES, readBinary } from './apdu.js';
import { MifareMemory, unknownKeys } from './mifare-memory.js';
import type { PcscConnection } from './pcsc-connection.js';
import { PcscMemory } from './pcsc-memory.js';

/** The NFC Forum Type 2 capability container's first byte. */
const CC_MAGIC = 0xe1;
/** Factory transport key of MIFARE Classic cards (key A and key B). */
export const TRANSPORT_KEY = Buffer.from('FFFFFFFFFFFF', 'hex');
/** A capability container states at most 0xFF x 8 bytes; a card stating that may have more. */
const CC_MAX = 2040;
const MAX_PROBED = 8192;

/** A Card on a pcsc connection; the connection stays open while the card is on the reader. */
export class PcscCard extends MemoryCard {
  constructor(
    id: string,
    readonly connection: PcscConnection,
    memory: PcscMemory | MifareMemory,
    /** performance.now() when pcscd reported the card: where card-to-verdict time starts. */
    readonly seenAt: number,
    readonly kind: 'type2' | 'classic1k' | 'classic4k',
  ) {
    super(id, memory);
  }
}

/** The MIFARE Classic size an ATR names (PC/SC part 3 card name 00 01 / 00 02), if any. */
export function classicBlocks(atr: Buffer | undefined): 64 | 256 | undefined {
  if (!atr || atr.length < 15 || atr[0] !== 0x3b || atr[4] !== 0x80 || atr[5] !== 0x4f) return undefined;
  const name = atr.readUInt16BE(13);
  return name === 0x0001 ? 64 : name === 0x0002 ? 256 : undefined;
}

export async function identifyCard(
  connection: PcscConnection,
  seenAt = performance.now(),
  atr?: Buffer,
): Promise<PcscCard> {
  const uid = await connection.transmit(getUid(), 'read');
  if (uid.sw !== OK || uid.data.length === 0) {
    throw new CardError(
      'NOT_CARDGATE',
      'This card has no id the reader can read: it is not a contactless storage card. Please use a Cardgate card.',
    );
  }
  const id = uid.data.toString('hex').toUpperCase();
  // NTAG and Ultralight UIDs have 7 bytes, MIFARE Classic's usually 4. The UID decides first: the ATR pcscd
  // reported can be the previous card's for a moment when cards are swapped quickly.
  if (uid.data.length === 4) return identifyClassic(connection, id, seenAt, await classicSize(connection));
  // Page 3 (the capability container), the two headers and what follows them, in one FAST_READ where the reader
  // allows it: on a card written once the image starts right after the headers.
  // A card smaller than that (NTAG213) refuses the range: then the capability container and the headers alone.
  const ahead =
    (await PcscMemory.readAhead(connection, CC_PAGE, FAST_READ_PAGES * PAGE_BYTES)) ??
    (await PcscMemory.readAhead(connection, CC_PAGE, PAGE_BYTES + HEADER_AREA_BYTES));
  const cc = ahead ?? (await connection.transmit(readBinary(CC_PAGE, 4), 'read')).data;
  if (cc.length < 4 || cc[0] !== CC_MAGIC) {
    const blocks = classicBlocks(atr);
    if (blocks) return identifyClassic(connection, id, seenAt, blocks);
    throw new CardError(
      'NOT_CARDGATE',
      `Card ${id} is not an NFC Forum Type 2 storage card (such as NTAG216). Please use a Cardgate card.`,
    );
  }
  let capacity = cc[2]! * 8;
  if (capacity === CC_MAX) capacity = await probeCapacity(connection);
  if (capacity < MIN_CAPACITY) {
    throw new CardError(
      'CARD_FULL',
      `Card ${id} holds only ${capacity} bytes; Cardgate tickets need a card of at least ${MIN_CAPACITY} (an NTAG216 holds 872). Please use another card.`,
    );
  }
  // Capability container byte 3: the high nibble is read access, the low nibble write access (0 = granted).
  const readOnly = (cc[3]! & 0x0f) !== 0;
  const memory = new PcscMemory(connection, capacity, readOnly);
  if (ahead) memory.prefetched(0, ahead.subarray(PAGE_BYTES, PAGE_BYTES + capacity));
  return new PcscCard(id, connection, memory, seenAt, 'type2');
}

/**
 * Cardgate reads and writes MIFARE Classic cards with the factory transport
 * key (card/README.md says why): key A first, then key B. A card on which
 * neither opens sector 0 belongs to another application.
 */
async function identifyClassic(connection: PcscConnection, id: string, seenAt: number, blocks: 64 | 256) {
  const loaded = await connection.transmit(loadKey(0, TRANSPORT_KEY), 'read');
  if (loaded.sw !== OK)
    throw new CardError('READ_FAILED', 'The card reader refused the MIFARE key. Try another reader.');
  for (const keyType of [0x60, 0x61] as const) {
    const { sw } = await connection.transmit(authenticate(1, keyType, 0), 'read');
    if (sw === OK) {
      const memory = new MifareMemory(connection, id, blocks, keyType);
      return new PcscCard(id, connection, memory, seenAt, blocks === 64 ? 'classic1k' : 'classic4k');
    }
  }
  throw unknownKeys(id);
}

/** 4K when a sector past the 1K's 16 opens with the transport key, else 1K. */
async function classicSize(connection: PcscConnection): Promise<64 | 256> {
  if ((await connection.transmit(loadKey(0, TRANSPORT_KEY), 'read')).sw !== OK) return 64;
  return (await connection.transmit(authenticate(128, 0x60, 0), 'read')).sw === OK ? 256 : 64;
}

/** The user memory of a Type 2 tag that states the most a capability container can: the last page that reads. */
async function probeCapacity(connection: PcscConnection): Promise<number> {
  const readable = async (bytes: number) =>
    (await connection.transmit(readBinary(4 + bytes / PAGE_BYTES - 1, PAGE_BYTES), 'read')).sw === OK;
  let low = CC_MAX;
  let high = MAX_PROBED;
  if (await readable(high)) return high;
  while (high - low > 8) {
    const mid = low + Math.floor((high - low) / 16) * 8;
    if (await readable(mid)) low = mid;
    else high = mid;
  }
  return low;
}
