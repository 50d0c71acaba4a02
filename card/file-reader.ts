/**
 * The `file:` reader: a virtual card that is always on the reader. Each
 * waitForCard opens the file again, so it picks up a file replaced or
 * created meanwhile, exactly like a card put back on a real reader.
 * Events: the card is always present, so each `card` listener is called once,
 * right after it is added; there is never a `card.off`.
 */
import { EventEmitter } from 'node:events';
import type { Card, CardReader, CardReaderEvents } from './card.js';
import { CardError } from './card-error.js';
import { DEFAULT_FILE_CAPACITY, openFileCard } from './file-card.js';

export class FileCardReader extends EventEmitter<CardReaderEvents> implements CardReader {
  private closed = false;
  /** Always on the reader: a person presents it with a key, not by putting it down. */
  readonly hotPlug = false;

  constructor(
    readonly path: string,
    private readonly capacity = DEFAULT_FILE_CAPACITY,
  ) {
    super();
    (this as EventEmitter).on('newListener', (event: string | symbol, listener: (card: Card) => void) => {
      if (event === 'card') setImmediate(() => void this.announce(listener));
    });
  }

  get name(): string {
    return `file:${this.path}`;
  }

  async waitForCard(options: { signal?: AbortSignal } = {}): Promise<Card> {
    if (this.closed) throw new CardError('NO_CARD', `The card reader ${this.name} was closed.`);
    if (options.signal?.aborted)
      throw new CardError('NO_CARD', 'Stopped waiting for a card.', { cause: options.signal.reason });
    return openFileCard(this.path, this.capacity);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Tells one new `card` listener about the card; a file that cannot be opened is an `error` event instead. */
  private async announce(listener: (card: Card) => void): Promise<void> {
    if (this.closed || !this.listeners('card').includes(listener)) return;
    try {
      const card = await openFileCard(this.path, this.capacity);
      if (!this.closed) listener(card);
    } catch (error) {
      const failure =
        error instanceof CardError
          ? error
          : new CardError('READ_FAILED', `The virtual card ${this.path} cannot be opened.`, { cause: error });
      if (!this.closed && this.listenerCount('error') > 0) this.emit('error', failure);
    }
  }
}
