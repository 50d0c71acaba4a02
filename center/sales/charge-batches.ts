/**
 * Coalesces single requests into batched calls, for the charge gateway's
 * TransferCharges: the first request is sent on the next turn of the event
 * loop (setImmediate), with every request made in the same tick; while a
 * call is in flight, new requests queue and go together in the next call
 * when it ends, at most `maxPerCall` a call. One call in flight at a time, so
 * a burst of concurrent sales costs a few calls instead of one each. Knows
 * nothing of gRPC: `send` makes the call.
 *
 * Each request has its own deadline, from when it was made: a call must end
 * by the earliest deadline of the requests it carries, and a request whose
 * deadline passed while it waited behind a call in flight (a terminal that
 * hangs) fails without being sent. So no request waits longer than one
 * deadline, however long the call before it took.
 */

export interface BatchOptions<Item, Result> {
  /** Makes one call for `items`, to end by `deadline` (a clock time), and resolves with one result per item, in order. */
  readonly send: (items: readonly Item[], deadline: number) => Promise<readonly Result[]>;
  /** The result of every item of a call that failed as a whole (`send` threw or rejected). */
  readonly failed: (error: unknown) => Result;
  readonly maxPerCall: number;
  /** How long a request may take from when it is made, its wait behind a call in flight included. */
  readonly deadlineMs: number;
  /** The clock deadlines are read on (ms); Date.now by default. */
  readonly now?: () => number;
}

interface Waiting<Item, Result> {
  readonly item: Item;
  readonly expires: number;
  readonly resolve: (result: Result) => void;
}

/** Why a request failed unsent: the call before it used up its time. */
export class QueuedPastDeadline extends Error {
  constructor() {
    super('not sent: its deadline passed while the call before it was still in flight');
  }
}

/** A function taking one item and resolving with its result, sent in a batch with the items around it. */
export function batchCalls<Item, Result>({
  send,
  failed,
  maxPerCall,
  deadlineMs,
  now = Date.now,
}: BatchOptions<Item, Result>): (item: Item) => Promise<Result> {
  const queue: Waiting<Item, Result>[] = [];
  let scheduled = false;
  let inFlight = false;

  const flush = () => {
    scheduled = false;
    if (inFlight) return;
    const at = now();
    const batch: Waiting<Item, Result>[] = [];
    while (queue.length && batch.length < maxPerCall) {
      const waiting = queue.shift()!;
      if (waiting.expires > at) batch.push(waiting);
      else waiting.resolve(failed(new QueuedPastDeadline()));
    }
    if (!batch.length) return;
    inFlight = true;
    const items = batch.map(({ item }) => item);
    const deadline = Math.min(...batch.map(({ expires }) => expires));
    new Promise<readonly Result[]>((resolve) => resolve(send(items, deadline)))
      .then((results) => {
        if (results.length !== batch.length)
          throw new Error(`the call answered ${results.length} results for ${batch.length} requests`);
        batch.forEach(({ resolve }, i) => resolve(results[i]!));
      })
      .catch((error: unknown) => batch.forEach(({ resolve }) => resolve(failed(error))))
      .finally(() => {
        inFlight = false;
        flush();
      });
  };

  return (item) =>
    new Promise<Result>((resolve) => {
      queue.push({ item, expires: now() + deadlineMs, resolve });
      if (inFlight || scheduled) return;
      scheduled = true;
      setImmediate(flush);
    });
}
