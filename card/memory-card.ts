/**
 * A Card over any CardMemory: the image codec on top of the log store.
 * Every driver only has to provide the id and the user memory; the card
 * logic is the same for all of them.
 */
import type { CardImage } from '../gen/cardgate/v1/ticket.js';
import type { Card, CardContents, CardEntry } from './card.js';
import { CardError, isCardError } from './card-error.js';
import type { CardMemory } from './card-memory.js';
import { decodeFormat1, decodeImageAndEntries, emptyImage, imageRecords } from './image-codec.js';
import { LogStore, type Stored } from './log-store.js';
import { printableDeep } from './text.js';

export class MemoryCard implements Card {
  readonly capacity: number;
  readonly maxImageBytes: number;
  private readonly store: LogStore;
  /** The entries of what the card held when last read or written (for freeBytes, which reads nothing). */
  private knownEntries: readonly CardEntry[] = [];
  /** Writes one after another: a gate's entry write and an undo of it never interleave. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    private readonly memory: CardMemory,
  ) {
    this.capacity = memory.capacity;
    this.store = new LogStore(memory);
    this.maxImageBytes = this.store.maxPayloadBytes;
  }

  async read(): Promise<CardContents> {
    try {
      const stored = await this.store.read();
      this.knownEntries = [];
      if (!stored) return { image: emptyImage(this.id), usedBytes: 0, copied: false, entries: [] };
      const { image, entries } = decoded(stored);
      this.knownEntries = entries;
      return { image, usedBytes: stored.usedBytes, copied: image.cardId !== this.id, entries };
    } finally {
      this.memory.release?.();
    }
  }

  async readImage(): Promise<CardImage> {
    return (await this.read()).image;
  }

  /** Keeps the entries of the tickets that stay on the card: a kiosk adding an order does not erase where its tickets went in. */
  writeImage(image: CardImage): Promise<void> {
    return this.serial(() => this.writeImageNow(image));
  }

  addEntry(entry: CardEntry): Promise<void> {
    return this.serial(() => this.addEntryNow(entry));
  }

  dropEntry(ticketId: string, gateId: string): Promise<void> {
    return this.serial(() => this.dropEntryNow(ticketId, gateId));
  }

  private serial<T>(write: () => Promise<T>): Promise<T> {
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async writeImageNow(image: CardImage): Promise<void> {
    // The id written is always the card's own: a writer never puts another card's identity on this one.
    await this.store.write((current) => {
      this.knownEntries = current?.format === 2 ? entriesOf(current) : [];
      return imageRecords({ ...image, cardId: this.id }, this.knownEntries);
    });
  }

  private async addEntryNow(entry: CardEntry): Promise<void> {
    const current = await this.store.currentContents();
    const { image, entries } = current ? decoded(current) : { image: emptyImage(this.id), entries: [] };
    let kept: readonly CardEntry[] = entries;
    for (;;) {
      try {
        await this.store.write(imageRecords(image, [...kept, entry]));
        this.knownEntries = [...kept, entry];
        return;
      } catch (error) {
        if (!(isCardError(error) && error.code === 'CARD_FULL')) throw error;
      }
      // A write may only use space the live contents do not: first commit the card without old entries
      // (a header, at most a map), then their bytes are free for the new one.
      for (;;) {
        const fewer = withoutOldestSuperseded(kept);
        if (!fewer) throw new CardError('CARD_FULL', 'The card is full: there is no room to write this entry on it.');
        kept = fewer;
        try {
          await this.store.write(imageRecords(image, kept));
          break;
        } catch (error) {
          if (!(isCardError(error) && error.code === 'CARD_FULL')) throw error;
        }
      }
    }
  }

  private async dropEntryNow(ticketId: string, gateId: string): Promise<void> {
    await this.store.write((current) => {
      const { image, entries } = current ? decoded(current) : { image: emptyImage(this.id), entries: [] };
      let at = entries.length - 1;
      while (at >= 0 && !(entries[at]!.ticketId === ticketId && entries[at]!.gateId === gateId)) at--;
      this.knownEntries = entries.filter((_, i) => i !== at);
      return imageRecords(image, this.knownEntries);
    });
  }

  freeBytes(image: CardImage): number {
    return this.store.freeBytesAfter(imageRecords({ ...image, cardId: this.id }, this.knownEntries));
  }
}

/** The entries in format-2 contents; none when they cannot be read (the write then repairs the card). */
function entriesOf(current: Stored): CardEntry[] {
  try {
    return decoded(current).entries;
  } catch {
    return [];
  }
}

function decoded(stored: Stored): { image: CardImage; entries: CardEntry[] } {
  if (stored.format === 1) return { image: printableDeep(decodeFormat1(stored.payload)), entries: [] };
  const { image, entries } = decodeImageAndEntries(stored.payload);
  return { image: printableDeep(image), entries: entries.map((entry) => printableDeep(entry)) };
}

/** `entries` without the oldest one whose ticket has a later entry; undefined when every entry is its ticket's last. */
function withoutOldestSuperseded(entries: readonly CardEntry[]): CardEntry[] | undefined {
  const at = entries.findIndex((entry, i) => entries.slice(i + 1).some((later) => later.ticketId === entry.ticketId));
  return at < 0 ? undefined : entries.filter((_, i) => i !== at);
}
