/**
 * How many server streams the center keeps open, per terminal and in all: each
 * open WatchAvailability or WatchAdmissions stream holds memory for as long
 * as its client likes, so a terminal that opens thousands (a bug or an
 * attack) is refused instead of exhausting the center. A kiosk or a
 * dashboard needs one; a few spare ones cover reconnects whose old stream the
 * center has not yet seen close. Both kinds share one quota.
 */
import { DomainError } from '../domain-error.js';

export interface StreamLimits {
  /** Streams one terminal may hold open at once. */
  readonly perTerminal: number;
  /** Streams all terminals together may hold open. */
  readonly total: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perTerminal: 16, total: 4096 };

export class StreamQuota {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: StreamLimits) {}

  /** Takes a place for `terminalId`'s stream; returns the function that gives it back (once). Throws EXHAUSTED when full. */
  take(terminalId: string): () => void {
    const held = this.open.get(terminalId) ?? 0;
    if (held >= this.limits.perTerminal) {
      throw new DomainError(
        'EXHAUSTED',
        `this terminal already has ${held} streams open (at most ${this.limits.perTerminal})`,
      );
    }
    if (this.total >= this.limits.total) {
      throw new DomainError('EXHAUSTED', `the center has ${this.total} streams open, its most; try again later`);
    }
    this.open.set(terminalId, held + 1);
    this.total++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total--;
      const left = this.open.get(terminalId)! - 1;
      if (left === 0) this.open.delete(terminalId);
      else this.open.set(terminalId, left);
    };
  }
}
