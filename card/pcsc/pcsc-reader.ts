/**
 * The `pcsc` driver's CardReader: `pcsc` watches every reader and uses the
 * first that holds a card, `pcsc:NAME` only the named one. When a card
 * arrives it is connected and identified once (UID, capacity) and stays
 * connected until it leaves; `card` and `card.off` report both moments.
 */
import { EventEmitter } from 'node:events';
import type { Card, CardReader, CardReaderEvents } from '../card.js';
import { CardError } from '../card-error.js';
import { PcscConnection } from './pcsc-connection.js';
import { identifyCard, type PcscCard } from './pcsc-card.js';
import { PcscContext } from './pcsc-context.js';
import { pcscError } from './pcsc-errors.js';
import type { PcscReader, PcscStatus } from './pcsc-types.js';

/** How often, and how far apart, a card that vanished while being identified is tried again (vpcd polls every ~400 ms). */
const RETRIES = 8;
const RETRY_MS = 150;

interface Slot {
  readonly reader: PcscReader;
  present: boolean;
  /** pcscd's card event counter at the last status. */
  events: number;
  /** performance.now() of the status that reported the current card. */
  seenAt: number;
  /** The ATR pcscd reported for it: says MIFARE Classic from NTAG. */
  atr?: Buffer;
  card?: PcscCard;
  /** Why the card on this reader cannot be used (e.g. NOT_CARDGATE), while it stays there. */
  failure?: CardError;
  /** Arrivals and departures on one reader run one after the other. */
  queue: Promise<void>;
}

interface Waiter {
  resolve(card: Card): void;
  reject(error: CardError): void;
}

export class PcscCardReader extends EventEmitter<CardReaderEvents> implements CardReader {
  readonly hotPlug = true;
  private readonly slots: Slot[] = [];
  private readonly waiters = new Set<Waiter>();
  private context!: PcscContext;
  private closed = false;

  private constructor(private readonly only: string | undefined) {
    super();
    // A listener added while a card is on the reader hears about it at once, so a screen that subscribes late still sees the card.
    (this as EventEmitter).on('newListener', (event: string | symbol, listener: (...args: unknown[]) => void) => {
      if (event !== 'card') return;
      setImmediate(() => {
        const card = this.current();
        if (card && this.listeners('card').includes(listener)) (listener as (card: Card) => void)(card);
      });
    });
  }

  /** Opens `pcsc` (readerName undefined) or `pcsc:NAME`; NO_READER when pcscd is down or the name is unknown. */
  static async open(readerName?: string): Promise<PcscCardReader> {
    const pcsc = new PcscCardReader(readerName);
    pcsc.context = await PcscContext.open((reader) => pcsc.watch(reader));
    if (readerName !== undefined && !pcsc.context.readers.has(readerName)) {
      const names = pcsc.context.names;
      await pcsc.close();
      throw new CardError(
        'NO_READER',
        `There is no card reader named "${readerName}". Connected readers: ${names.map((n) => `"${n}"`).join(', ') || 'none'}. Use --card pcsc:NAME with one of them, or --card pcsc for the first that holds a card.`,
      );
    }
    return pcsc;
  }

  get name(): string {
    const reader = this.slots.find((slot) => slot.card)?.reader.name ?? this.only;
    return reader === undefined ? 'pcsc (first reader with a card)' : `pcsc:${reader}`;
  }

  waitForCard(options: { signal?: AbortSignal } = {}): Promise<Card> {
    if (this.closed) return Promise.reject(new CardError('NO_CARD', `The card reader ${this.name} was closed.`));
    const card = this.current();
    if (card) return Promise.resolve(card);
    const failure = this.slots.find((slot) => slot.failure)?.failure;
    if (failure) return Promise.reject(failure);
    const { signal } = options;
    if (signal?.aborted)
      return Promise.reject(new CardError('NO_CARD', 'Stopped waiting for a card.', { cause: signal.reason }));
    return new Promise((resolve, reject) => {
      const onAbort = () =>
        waiter.reject(new CardError('NO_CARD', 'Stopped waiting for a card.', { cause: signal?.reason }));
      const waiter: Waiter = {
        resolve: (c) => (this.waiters.delete(waiter), signal?.removeEventListener('abort', onAbort), resolve(c)),
        reject: (e) => (this.waiters.delete(waiter), signal?.removeEventListener('abort', onAbort), reject(e)),
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of [...this.waiters])
      waiter.reject(new CardError('NO_CARD', `The card reader ${this.name} was closed.`));
    await Promise.all(this.slots.map((slot) => slot.card?.connection.close()));
    await this.context?.close();
  }

  /** The card on the first reader (in pcscd's order) that holds a usable one. */
  private current(): PcscCard | undefined {
    return this.slots.find((slot) => slot.card)?.card;
  }

  private watch(reader: PcscReader): void {
    if (this.only !== undefined && reader.name !== this.only) return;
    const slot: Slot = { reader, present: false, events: -1, seenAt: 0, queue: Promise.resolve() };
    this.slots.push(slot);
    const change = (present: boolean, events: number) => {
      // pcscd counts card events in the state's upper 16 bits: one card swapped for another between two polls is still a change.
      const swapped = present && slot.present && events !== slot.events;
      slot.events = events;
      if ((present === slot.present && !swapped) || this.closed) return;
      slot.present = present;
      if (present) slot.seenAt = performance.now();
      if (swapped) slot.queue = slot.queue.then(() => this.leave(slot));
      slot.queue = slot.queue.then(() => (present ? this.arrive(slot) : this.leave(slot)));
    };
    reader.on('status', (status: PcscStatus) => {
      if (status.atr?.length) slot.atr = Buffer.from(status.atr);
      change(
        (status.state & reader.SCARD_STATE_PRESENT) !== 0 && (status.state & reader.SCARD_STATE_MUTE) === 0,
        status.state >>> 16,
      );
    });
    reader.on('end', () => change(false, slot.events));
    reader.on('error', (error: unknown) => this.report(pcscError(error, 'read')));
  }

  private async arrive(slot: Slot, attempt = 1): Promise<void> {
    // Deferred: pcsclite misbehaves when called from inside its own status callback.
    await new Promise((resolve) => (attempt === 1 ? setImmediate(resolve) : setTimeout(resolve, RETRY_MS)));
    if (!slot.present || this.closed) return;
    try {
      const connection = await PcscConnection.open(slot.reader);
      const card = await identifyCard(connection, slot.seenAt, slot.atr).catch(async (error) => {
        await connection.close();
        throw error;
      });
      if (!slot.present || this.closed) return void (await connection.close());
      slot.card = card;
      for (const waiter of [...this.waiters]) waiter.resolve(card);
      this.emit('card', card);
    } catch (error) {
      const failure = error instanceof CardError ? error : pcscError(error, 'connect');
      // A card swapped faster than pcscd polls (or still settling) answers "card removed" once: try it again.
      if (failure.code === 'NO_CARD' && attempt < RETRIES) return this.arrive(slot, attempt + 1);
      if (!slot.present || failure.code === 'NO_CARD') return;
      slot.failure = failure;
      for (const waiter of [...this.waiters]) waiter.reject(failure);
      this.report(failure);
    }
  }

  private async leave(slot: Slot): Promise<void> {
    const card = slot.card;
    slot.card = undefined;
    slot.failure = undefined;
    if (!card) return;
    card.connection.markGone();
    await card.connection.close();
    if (!this.closed) this.emit('card.off', card.id);
  }

  /** `error` events only when someone listens: an EventEmitter throws an unheard error. */
  private report(error: CardError): void {
    if (!this.closed && this.listenerCount('error') > 0) this.emit('error', error);
  }
}
