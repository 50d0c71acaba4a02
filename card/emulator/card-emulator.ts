/**
 * `cardgate card emulate`: a virtual NTAG-like card put on pcscd's vpcd
 * reader, its memory kept in a card file. Tests also use it in-process and
 * can "pull the card" at an exact write APDU to prove torn writes are safe.
 */
import { ACR122U_LIMITS, StorageTag, STORAGE_CARD_ATR, type TagLimits } from './storage-tag.js';
import { TagFile } from './tag-file.js';
import { connectVpcd, VPCD_PORT } from './vpcd-link.js';

export interface EmulatorOptions {
  /** The card file; created as a factory-fresh card when missing. */
  readonly file: string;
  /** Data area of a new card, bytes (default NTAG216's 872). Ignored for an existing file. */
  readonly capacity?: number;
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
  const file = TagFile.open(options.file, options.capacity);
  if (options.readOnly) file.pages[15] = 0x0f;
  const tag = new StorageTag(file.pages, options.limits ?? ACR122U_LIMITS, options.readOnly);
  let answered = 0;
  let writes = 0;
  let pulled = false;
  const apdu = (command: Buffer): Buffer | undefined => {
    if (pulled) return undefined;
    const isWrite = command[0] === 0xff && command[1] === 0xd6;
    if (isWrite) writes++;
    const pullNow = isWrite && options.pullAt !== undefined && writes === options.pullAt.write;
    if (pullNow && !options.pullAt!.applied) return pull();
    const { response, written } = tag.handle(command);
    if (written) file.persist(written.offset, written.length);
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
      { atr: STORAGE_CARD_ATR, apdu },
      options.noDelay ?? true,
    );
  } catch (error) {
    file.close();
    throw error;
  }
  const removed = link.closed.then(() => file.close());
  return {
    cardId: tag.uid.toString('hex').toUpperCase(),
    capacity: file.capacity,
    apdus: () => answered,
    writes: () => writes,
    removed,
    async remove() {
      link.socket.destroy();
      await removed;
    },
  };
}
