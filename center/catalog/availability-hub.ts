import { EventEmitter } from 'node:events';
import type { WatchAvailabilityResponse } from '../../gen/cardgate/v1/catalog.js';

/**
 * Fans seats-left changes out to WatchAvailability streams. Sales publish
 * after they commit; with nobody watching, publishing costs nothing.
 */
export class AvailabilityHub {
  private readonly events = new EventEmitter().setMaxListeners(0);

  get watching(): boolean {
    return this.events.listenerCount('change') > 0;
  }

  publish(update: WatchAvailabilityResponse): void {
    this.events.emit('change', update);
  }

  subscribe(listener: (update: WatchAvailabilityResponse) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
}
