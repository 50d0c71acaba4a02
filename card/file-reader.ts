/**
 * The `file:` reader: a virtual card that is always on the reader. Each
 * waitForCard opens the file again, so it picks up a file replaced or
 * created meanwhile, exactly like a card put back on a real reader.
 */
import type { Card, CardReader } from './card.js';
import { CardError } from './card-error.js';
import { DEFAULT_FILE_CAPACITY, openFileCard } from './file-card.js';

export class FileCardReader implements CardReader {
  private closed = false;

  constructor(
    readonly path: string,
    private readonly capacity = DEFAULT_FILE_CAPACITY,
  ) {}

  get name(): string {
    return `file:${this.path}`;
  }

  async waitForCard(options: { signal?: AbortSignal } = {}): Promise<Card> {
    if (this.closed) throw new CardError('NO_CARD', `The card reader ${this.name} was closed.`);
    if (options.signal?.aborted) throw new CardError('NO_CARD', 'Stopped waiting for a card.', { cause: options.signal.reason });
    return openFileCard(this.path, this.capacity);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
