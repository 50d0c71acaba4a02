/**
 * Card-testing defence (issue 14, item 5). An unattended kiosk attracts
 * people trying stolen numbers one after another: many small purchases, most
 * declined. When `limit` declines from one terminal fall within `windowMs`,
 * that terminal's purchases are refused for a cool-down of another `windowMs`
 * (TOO_MANY_DECLINES, before any charge and without taking seats); after it
 * the count starts afresh. So a terminal sees at most `limit` declines per
 * window plus cool-down, whatever a script sends.
 *
 * The counts live in this center's memory, per authenticated terminal: see
 * center/README.md ("Card-testing defence") for why not in the database.
 * DeclineGuard is the rule, pure, with the clock passed in; the two functions
 * below are how a sale consults it and tells it of a decline.
 */
import { UnavailabilityReason as R, type PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import type { Caller } from '../auth/authenticator.js';
import type { SalesDeps } from './sales-deps.js';

export interface DeclineRule {
  /** Declines from one terminal within windowMs that start a cool-down; 0 turns the defence off. */
  readonly limit: number;
  /** The sliding window, and the length of the cool-down. */
  readonly windowMs: number;
}

/** Above a buyer's honest mistakes (a mistyped expiry, then a CVC: 2-3), far below a script's hundreds an hour. */
export const DEFAULT_DECLINE_RULE: DeclineRule = { limit: 5, windowMs: 10 * 60_000 };

interface TerminalDeclines {
  /** Times (ms) of the declines within the window, oldest first. */
  times: number[];
  /** While set and in the future, the terminal's purchases are refused. */
  heldUntil?: number;
}

export class DeclineGuard {
  private readonly terminals = new Map<string, TerminalDeclines>();

  constructor(readonly rule: DeclineRule) {}

  /** The end of the terminal's cool-down, or undefined when it may buy. */
  heldUntil(terminalId: string, now: Date): Date | undefined {
    const entry = this.current(terminalId, now.getTime());
    return entry?.heldUntil === undefined ? undefined : new Date(entry.heldUntil);
  }

  /**
   * Counts a decline. `startsHold` is true only for the decline that reached the limit, so the
   * operator hears of each cool-down once; declines of sales already in flight during a cool-down
   * neither count nor extend it.
   */
  noteDecline(terminalId: string, now: Date): { readonly startsHold: boolean; readonly count: number } {
    if (this.rule.limit <= 0) return { startsHold: false, count: 0 };
    const at = now.getTime();
    const entry = this.current(terminalId, at) ?? { times: [] };
    this.terminals.set(terminalId, entry);
    if (entry.heldUntil !== undefined) return { startsHold: false, count: entry.times.length };
    entry.times.push(at);
    const count = entry.times.length;
    if (count < this.rule.limit) return { startsHold: false, count };
    entry.heldUntil = at + this.rule.windowMs;
    entry.times = [];
    return { startsHold: true, count };
  }

  /** The terminal's entry with expired declines and an ended cool-down dropped; forgotten when nothing is left. */
  private current(terminalId: string, at: number): TerminalDeclines | undefined {
    const entry = this.terminals.get(terminalId);
    if (!entry) return undefined;
    if (entry.heldUntil !== undefined && entry.heldUntil <= at) entry.heldUntil = undefined;
    entry.times = entry.times.filter((time) => time > at - this.rule.windowMs);
    if (entry.heldUntil === undefined && !entry.times.length) {
      this.terminals.delete(terminalId);
      return undefined;
    }
    return entry;
  }
}

/** Declines that say something about the card; not PAYMENT_UNAVAILABLE (our outage) nor a refused void. */
const CARD_DECLINES: ReadonlySet<R> = new Set([
  R.UNAVAILABILITY_REASON_PAYMENT_DECLINED,
  R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS,
  R.UNAVAILABILITY_REASON_CARD_EXPIRED,
  R.UNAVAILABILITY_REASON_INVALID_CARD,
]);

/** The TOO_MANY_DECLINES answer while `caller` is in a cool-down; undefined when it may buy. */
export function refusalWhileHeld(deps: SalesDeps, caller: Caller): PurchaseTicketsResponse | undefined {
  const now = deps.now();
  const until = deps.declines.heldUntil(caller.terminalId, now);
  if (!until) return undefined;
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  deps.logger.debug({ terminal: caller.name, until }, 'purchase refused: terminal in a card-testing cool-down');
  return {
    unavailable: {
      reason: R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES,
      message: `Too many cards were declined at this terminal: card payments here are paused for ${minutes} min.`,
      productId: '',
    },
  };
}

/** Tells the guard of a charge the terminal declined; warns the operator when it starts a cool-down (never card data). */
export function noteDecline(deps: SalesDeps, caller: Caller, reason: R): void {
  if (!CARD_DECLINES.has(reason)) return;
  const now = deps.now();
  const { startsHold, count } = deps.declines.noteDecline(caller.terminalId, now);
  if (!startsHold) return;
  const { windowMs } = deps.declines.rule;
  deps.logger.warn(
    {
      terminal: caller.name,
      terminalId: caller.terminalId,
      declines: count,
      windowS: windowMs / 1000,
      until: new Date(now.getTime() + windowMs),
    },
    'card testing suspected: too many declined cards from one terminal; its purchases are refused for a cool-down',
  );
}
