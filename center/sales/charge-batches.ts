/**
 * Coalesces single requests into batched calls, for the charge gateway's
 * TransferCharges: the first request is sent on the next turn of the event
 * loop (setImmediate), with every request made in the same tick; while a
 * call is in flight, new requests queue and go together in the next call
 * when it ends, at most `maxPerCall` a call. One call in flight at a time, so
 * a burst of concurrent sales costs a few calls instead of one each. Knows
 * nothing of gRPC: `send` makes the call.
 */

export interface BatchOptions<Item, Result> {
  /** Makes one call for `items` and resolves with one result per item, in order. */
  readonly send: (items: readonly Item[]) => Promise<readonly Result[]>;
  /** The result of every item of a call that failed as a whole (`send` threw or rejected). */
  readonly failed: (error: unknown) => Result;
  readonly maxPerCall: number;
}

interface Waiting<Item, Result> {
  readonly item: Item;
  readonly resolve: (result: Result) => void;
}

/** A function taking one item and resolving with its result, sent in a batch with the items around it. */
export function batchCalls<Item, Result>({
  send,
  failed,
  maxPerCall,
}: BatchOptions<Item, Result>): (item: Item) => Promise<Result> {
  const queue: Waiting<Item, Result>[] = [];
  let scheduled = false;
  let inFlight = false;

  const flush = () => {
    scheduled = false;
    if (inFlight || !queue.length) return;
    inFlight = true;
    const batch = queue.splice(0, maxPerCall);
    // Called at once (the executor runs synchronously), so the call's deadline starts now.
    new Promise<readonly Result[]>((resolve) => resolve(send(batch.map(({ item }) => item))))
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
      queue.push({ item, resolve });
      if (inFlight || scheduled) return;
      scheduled = true;
      setImmediate(flush);
    });
}
