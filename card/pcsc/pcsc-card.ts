/**
 * Identifies the card just connected: its UID (GET DATA, FF CA) is the card
 * id, and the NFC Forum capability container on page 3 says how much user
 * memory it has and whether it is locked. The Card itself is the shared
 * MemoryCard over PcscMemory, so the torn-write framing protects every write.
 */
import { CardError } from '../card-error.js';
import { MemoryCard } from '../memory-card.js';
import { MIN_CAPACITY } from '../slot-layout.js';
import { CC_PAGE, getUid, OK, readBinary } from './apdu.js';
import type { PcscConnection } from './pcsc-connection.js';
import { PcscMemory } from './pcsc-memory.js';

/** The NFC Forum Type 2 capability container's first byte. */
const CC_MAGIC = 0xe1;

/** A Card on a pcsc connection; the connection stays open while the card is on the reader. */
export class PcscCard extends MemoryCard {
  constructor(
    id: string,
    readonly connection: PcscConnection,
    memory: PcscMemory,
    /** performance.now() when pcscd reported the card: where card-to-verdict time starts. */
    readonly seenAt: number,
  ) {
    super(id, memory);
  }
}

export async function identifyCard(connection: PcscConnection, seenAt = performance.now()): Promise<PcscCard> {
  const uid = await connection.transmit(getUid(), 'read');
  if (uid.sw !== OK || uid.data.length === 0) {
    throw new CardError(
      'NOT_CARDGATE',
      'This card has no id the reader can read: it is not a contactless storage card. Please use a Cardgate card.',
    );
  }
  const id = uid.data.toString('hex').toUpperCase();
  const cc = await connection.transmit(readBinary(CC_PAGE, 4), 'read');
  if (cc.sw !== OK || cc.data.length < 4 || cc.data[0] !== CC_MAGIC) {
    throw new CardError(
      'NOT_CARDGATE',
      `Card ${id} is not an NFC Forum Type 2 storage card (such as NTAG216). Please use a Cardgate card.`,
    );
  }
  const capacity = cc.data[2]! * 8;
  if (capacity < MIN_CAPACITY) {
    throw new CardError(
      'CARD_FULL',
      `Card ${id} holds only ${capacity} bytes; Cardgate tickets need a card of at least ${MIN_CAPACITY} (an NTAG216 holds 872). Please use another card.`,
    );
  }
  // Capability container byte 3: the high nibble is read access, the low nibble write access (0 = granted).
  const readOnly = (cc.data[3]! & 0x0f) !== 0;
  return new PcscCard(id, connection, new PcscMemory(connection, capacity, readOnly), seenAt);
}
