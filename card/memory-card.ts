/**
 * A Card over any CardMemory: the image codec on top of the log store.
 * Every driver only has to provide the id and the user memory; the card
 * logic is the same for all of them.
 */
import type { CardImage } from '../gen/cardgate/v1/ticket.js';
import type { Card, CardContents } from './card.js';
import type { CardMemory } from './card-memory.js';
import { decodeFormat1, decodeImage, emptyImage, imageRecords } from './image-codec.js';
import { LogStore } from './log-store.js';
import { printableDeep } from './text.js';

export class MemoryCard implements Card {
  readonly capacity: number;
  readonly maxImageBytes: number;
  private readonly store: LogStore;

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
      if (!stored) return { image: emptyImage(this.id), usedBytes: 0, copied: false };
      const image = printableDeep(stored.format === 1 ? decodeFormat1(stored.payload) : decodeImage(stored.payload));
      return { image, usedBytes: stored.usedBytes, copied: image.cardId !== this.id };
    } finally {
      this.memory.release?.();
    }
  }

  async readImage(): Promise<CardImage> {
    return (await this.read()).image;
  }

  async writeImage(image: CardImage): Promise<void> {
    // The id written is always the card's own: a writer never puts another card's identity on this one.
    await this.store.write(imageRecords({ ...image, cardId: this.id }));
  }

  freeBytes(image: CardImage): number {
    return this.store.freeBytesAfter(imageRecords({ ...image, cardId: this.id }));
  }
}
