/**
 * The driver-neutral view of an IC card and of a card reader. Kiosk, gate
 * and CLI use only these; `openCardReader` picks the driver.
 */
import type { CardImage } from '../gen/cardgate/v1/ticket.js';
import type { CardError } from './card-error.js';
import type { CardEntry } from './format2/entry-record.js';

export type { CardEntry } from './format2/entry-record.js';

/** What is on a card, read in one go. */
export interface CardContents {
  /** The card's tickets; an empty image with the card's id on a blank card. */
  readonly image: CardImage;
  /** Encoded image bytes stored on the card (0 on a blank card). */
  readonly usedBytes: number;
  /**
   * True when the image names another card id: it was copied here from that
   * card. It is still returned so the gate can show it, but the gate must
   * send the card's own `id`, and the center rejects its tickets as WRONG_CARD.
   */
  readonly copied: boolean;
  /** The movements gates wrote onto the card (SPEC §9), oldest first; absent where a card cannot hold them. */
  readonly entries?: readonly CardEntry[];
}

export interface Card {
  /** The card's own id: its UID, upper-case hex. Tickets are signed for this id. */
  readonly id: string;
  /** User memory in bytes. */
  readonly capacity: number;
  /** The largest image this card holds when blank: its user memory less the two 16-byte commit headers. */
  readonly maxImageBytes: number;
  read(): Promise<CardContents>;
  /** Shorthand for `(await read()).image`. */
  readImage(): Promise<CardImage>;
  /**
   * Replaces the card's contents with `image`, stamped with the current
   * format version and this card's id. Torn-write safe; CARD_FULL without
   * writing anything when it does not fit.
   */
  writeImage(image: CardImage): Promise<void>;
  /**
   * Appends a gate's movement of one of the card's tickets (SPEC §9), torn-write safe like every
   * write: a card pulled mid-write keeps its previous contents. When the card is full, the oldest
   * entries of tickets that have a later one are dropped to make room (see card/README.md);
   * CARD_FULL when even that is not enough. Optional: only cards that hold entries have it.
   */
  addEntry?(entry: CardEntry): Promise<void>;
  /** Removes the ticket's last entry written by `gateId` (an admission undone, SPEC §10), torn-write safe; nothing when there is none. */
  dropEntry?(ticketId: string, gateId: string): Promise<void>;
  /** Bytes of new records that still fit beside `image` on this card (what the kiosk sends as `card_free_bytes`; card/capacity.ts). */
  freeBytes(image: CardImage): number;
}

/**
 * What a reader reports as it happens. `pcsc` readers emit `card` when a card
 * is put on the reader (connected and identified, ready to read) and
 * `card.off` when it is taken away; the `file:` reader emits `card` once, for
 * its always-present card, and never `card.off`. A `card` listener added
 * while a card is on the reader is called at once with it.
 */
export interface CardReaderEvents {
  /** A card was put on the reader. */
  card: [card: Card];
  /** The card with this id was taken off. */
  'card.off': [cardId: string];
  error: [error: CardError];
}

export interface CardReader {
  /** What to call the reader in messages, e.g. the file path or the PC/SC reader name. */
  readonly name: string;
  /** Resolves with the card on the reader, waiting for one to be put there; rejects NO_CARD when `signal` aborts. */
  waitForCard(options?: { signal?: AbortSignal }): Promise<Card>;
  /** Releases the reader; the process can exit afterwards. */
  close(): Promise<void>;
  /**
   * True when the reader itself notices a card put on it or taken off (PC/SC),
   * so a UI can react to the card; false or absent for the `file:` card, which
   * is always "on the reader" and is presented with a key.
   */
  readonly hotPlug?: boolean;
  /** Subscribes to `card`, `card.off`, `error`. Both drivers have it; optional only so that other CardReader implementations still fit. */
  on?<E extends keyof CardReaderEvents>(event: E, listener: (...args: CardReaderEvents[E]) => void): unknown;
  off?<E extends keyof CardReaderEvents>(event: E, listener: (...args: CardReaderEvents[E]) => void): unknown;
}
