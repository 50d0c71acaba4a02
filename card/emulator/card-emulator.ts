/**
 * `cardgate card emulate`: a virtual card (NTAG21x, an NTAG-like card of
 * any capacity, or MIFARE Classic 1K/4K) put on pcscd's vpcd reader as an
 * ACR122U presents it, its memory kept in a card file. Tests also use it in-process and
 * can "pull the card" at an exact write APDU to prove torn writes are safe.
 */
import { CardError } from '../card-error.js';
import { ATR, isClassic, NTAG_CAPACITY, type CardType } from './card-types.js';
import { ClassicFile } from './classic-file.js';
import { ClassicTag } from './classic-tag.js';
import { ACR122U_LIMITS, StorageTag, type TagLimits } from './storage-tag.js';
import { TagFile } from './tag-file.js';
import { connectVpcd, VPCD_PORT } from './vpcd-link.js';

export interface EmulatorOptions {
  /** The card file; created as a factory-fresh card when missing. */
  readonly file: string;
  /** The card presented; without it an NTAG-like card of `capacity` bytes. */
  readonly type?: CardType;
  /** Data area of a new NTAG-like card, bytes (144..8192, default NTAG216's 872). Ignored for an existing file. */
  readonly capacity?: number;
  /** Each APDU answered this much later, to model a real reader (an ACR122U takes several ms per command). */
  readonly apduDelayMs?: number;
  /** A new MIFARE Classic card's keys A and B in every sector (default the transport key FF..FF). */
  readonly classicKey?: Buffer;
  readonly host?: string;
  /** vpcd's port: 35963 is `Virtual PCD 00 00`, 35964 `Virtual PCD 00 01`. */
  readonly port?: number;
  /** TCP_NODELAY on the vpcd socket (default true; false shows what Nagle costs). */
  readonly noDelay?: boolean;
  /** Bytes per READ/UPDATE BINARY the emulated reader allows (default an ACR122U's 16/4). */
  readonly limits?: TagLimits;
  /** A locked card: every write is refused. */
  readonly readOnly?: boolean;
  /**
   * Test hook: at the `write`-th UPDATE BINARY (1-based) the card is pulled:
   * the connection drops without an answer, after storing that APDU's page
   * when `applied` is true, before storing it otherwise.
   */
  readonly pullAt?: { readonly write: number; readonly applied: boolean };
}

export interface CardEmulator {
  /** The card id the pcsc driver will report: the UID, upper-case hex. */
  readonly cardId: string;
  readonly capacity: number;
  readonly type: CardType | 'ntag';
  /** MIFARE Classic sector trailers written so far (Cardgate never should). */
  readonly trailerWrites: () => number;
  /** APDUs answered so far. */
  readonly apdus: () => number;
  /** UPDATE BINARY commands received so far (including one that was cut off). */
  readonly writes: () => number;
  /** Resolves when the card has left the reader (removed, pulled or vpcd gone). */
  readonly removed: Promise<void>;
  /** Takes the card off the reader. */
  remove(): Promise<void>;
}

/** Puts the card in `options.file` on the vpcd reader; rejects when vpcd cannot be reached or the file is not a card file. */
export async function startCardEmulator(options: EmulatorOptions): Promise<CardEmulator> {
  const card = openEmulatedCard(options);
  let answered = 0;
  let writes = 0;
  let pulled = false;
  const apdu = (command: Buffer): Buffer | undefined => {
    if (pulled) return undefined;
    const isWrite = command[0] === 0xff && command[1] === 0xd6;
    if (isWrite) writes++;
    const pullNow = isWrite && options.pullAt !== undefined && writes === options.pullAt.write;
    if (pullNow && !options.pullAt!.applied) return pull();
    const { response, written } = card.handle(command);
    if (written) card.persist(written.offset, written.length);
    if (pullNow) return pull();
    answered++;
    return response;
  };
  const pull = (): undefined => {
    pulled = true;
    link.socket.destroy();
    return undefined;
  };
  let link: Awaited<ReturnType<typeof connectVpcd>>;
  try {
    link = await connectVpcd(
      options.host ?? '127.0.0.1',
      options.port ?? VPCD_PORT,
      { atr: card.atr, apdu },
      options.noDelay ?? true,
      options.apduDelayMs ?? 0,
    );
  } catch (error) {
    card.close();
    throw error;
  }
  const removed = link.closed.then(() => card.close());
  return {
    cardId: card.uid.toString('hex').toUpperCase(),
    capacity: card.capacity,
    type: card.type,
    apdus: () => answered,
    writes: () => writes,
    trailerWrites: () => card.trailerWrites(),
    removed,
    async remove() {
      link.socket.destroy();
      await removed;
    },
  };
}

interface EmulatedCard {
  readonly type: CardType | 'ntag';
  readonly atr: Buffer;
  readonly uid: Buffer;
  readonly capacity: number;
  handle(apdu: Buffer): { response: Buffer; written?: { offset: number; length: number } };
  persist(offset: number, length: number): void;
  trailerWrites(): number;
  close(): void;
}

function openEmulatedCard(options: EmulatorOptions): EmulatedCard {
  const type = options.type;
  if (isClassic(type)) {
    const file = ClassicFile.open(options.file, type, options.classicKey);
    const tag = new ClassicTag(file.dump);
    return {
      type,
      atr: type === 'classic1k' ? ATR.classic1k : ATR.classic4k,
      uid: tag.uid,
      capacity: file.capacity,
      handle: (apdu) => tag.handle(apdu),
      persist: (offset, length) => file.persist(offset, length),
      trailerWrites: () => tag.trailerWrites,
      close: () => file.close(),
    };
  }
  if (type && options.capacity !== undefined && options.capacity !== NTAG_CAPACITY[type])
    throw new CardError(
      'BAD_SPEC',
      `An ${type} holds ${NTAG_CAPACITY[type]} bytes; leave out --capacity or use it without --type.`,
    );
  const file = TagFile.open(options.file, type ? NTAG_CAPACITY[type] : options.capacity);
  if (options.readOnly) file.pages[15] = 0x0f;
  const tag = new StorageTag(file.pages, options.limits ?? ACR122U_LIMITS, options.readOnly);
  return {
    type: type ?? 'ntag',
    atr: ATR.ultralight,
    uid: tag.uid,
    capacity: file.capacity,
    handle: (apdu) => tag.handle(apdu),
    persist: (offset, length) => file.persist(offset, length),
    trailerWrites: () => 0,
    close: () => file.close(),
  };
}
