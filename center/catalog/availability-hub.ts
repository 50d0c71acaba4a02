import { EventEmitter } from 'node:events';
import type { WatchAvailabilityResponse } from '../../gen/cardgate/v1/catalog.js';

/** Reads the seats left of these products now. */
export type StockReader = (productIds: readonly string[]) => Promise<WatchAvailabilityResponse[]>;

/** How long changes are gathered before watchers hear of them: a kiosk's seats-left figure needs no more. */
const COALESCE_MS = 100;

/**
 * Fans seats-left changes out to WatchAvailability streams. Sales say which
 * products changed after they commit; the hub gathers those for 100 ms and
 * then reads each changed product once and tells every watcher its latest
 * figure. In a hot sale with thousands of kiosks watching, that is one read
 * and one message per watcher every 100 ms instead of one per seat sold.
 * With nobody watching, a change costs nothing.
 */
export class AvailabilityHub {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly changed = new Set<string>();
  private flush: NodeJS.Timeout | undefined;

  constructor(private readonly read: StockReader) {}

  get watching(): boolean {
    return this.events.listenerCount('change') > 0;
  }

  /** Tells watchers of these products their seats left, within COALESCE_MS. */
  stockChanged(productIds: readonly string[]): void {
    if (!this.watching) return;
    for (const id of productIds) this.changed.add(id);
    this.flush ??= setTimeout(() => void this.tell(), COALESCE_MS).unref();
  }

  /** Tells watchers at once (a new product). */
  publish(update: WatchAvailabilityResponse): void {
    this.events.emit('change', update);
  }

  subscribe(listener: (update: WatchAvailabilityResponse) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  close(): void {
    clearTimeout(this.flush);
    this.flush = undefined;
  }

  private async tell(): Promise<void> {
    const ids = [...this.changed];
    this.changed.clear();
    try {
      for (const update of await this.read(ids)) this.publish(update);
    } catch {
      // the next change tells again
    } finally {
      this.flush = undefined;
      if (this.changed.size > 0) this.stockChanged([]);
    }
  }
}
