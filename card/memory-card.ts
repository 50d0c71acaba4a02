/**
 * A Card over any CardMemory: the image codec on top of the slot framing.
 * Every driver (file now, PC/SC later) only has to provide the id and the
 * user memory; the card logic is the same for all of them.
 */
import type { CardImage } from '../gen/cardgate/v1/ticket.js';
import { freeBytes } from './capacity.js';
import type { Card, CardContents } from './card.js';
import type { CardMemory } from './card-memory.js';
import { FramedStore } from './framed-store.js';
import { decodeImage, emptyImage, encodeImage } from './image-codec.js';

export class MemoryCard implements Card {
  readonly capacity: number;
  readonly maxImageBytes: number;
  private readonly store: FramedStore;

  constructor(
    readonly id: string,
    memory: CardMemory,
  ) {
    this.capacity = memory.capacity;
    this.store = new FramedStore(memory);
    this.maxImageBytes = this.store.maxPayloadBytes;
  }

  async read(): Promise<CardContents> {
    const payload = await this.store.read();
    if (!payload) return { image: emptyImage(this.id), usedBytes: 0, copied: false };
    const image = decodeImage(payload);
    return { image, usedBytes: payload.length, copied: image.cardId !== this.id };
  }

  async readImage(): Promise<CardImage> {
    return (await this.read()).image;
  }

  async writeImage(image: CardImage): Promise<void> {
    // The id written is always the card's own: a writer never puts another card's identity on this one.
    await this.store.write(encodeImage({ ...image, cardId: this.id }));
  }

  freeBytes(image: CardImage): number {
    return freeBytes({ ...image, cardId: this.id }, this.capacity);
  }
}
