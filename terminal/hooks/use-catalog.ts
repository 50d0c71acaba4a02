import { status } from '@grpc/grpc-js';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import type { CenterClient } from '../center-client.js';
import { describeCenterError } from '../center-errors.js';

export interface Catalog {
  readonly state: 'loading' | 'live' | 'offline';
  /** The products as last known, with seats left kept up to date by WatchAvailability. */
  readonly products: readonly Product[];
  /** Why the catalog is offline, in words. */
  readonly problem?: string;
  /** Loads the list again now (new products; after an outage, instead of waiting for the automatic retry). */
  readonly retry: () => void;
}

/**
 * The catalog from ListProducts, then seats left live from WatchAvailability
 * (SPEC §2 step 1), and a product an operator changed (its end of sales
 * too) as the stream sends it. When the stream breaks the last list stays on screen,
 * marked offline, and the hook reconnects every `retryMs`.
 */
export function useCatalog(center: CenterClient, retryMs = 3_000): Catalog {
  const [products, setProducts] = useState<readonly Product[]>([]);
  const [state, setState] = useState<Catalog['state']>('loading');
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const relisted = useRef(new Set<string>());

  useEffect(() => {
    let stop: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const fail = (error: unknown) => {
      if (cancelled) return;
      setState('offline');
      setProblem(describeCenterError(error, center.address));
      timer = setTimeout(() => setAttempt((n) => n + 1), retryMs);
    };
    center.listProducts().then((listed) => {
      if (cancelled) return;
      setProducts(listed);
      setState('live');
      setProblem(undefined);
      const known = new Set(listed.map((product) => product.id));
      // Every product, so one added meanwhile shows up: its first update triggers a fresh list.
      stop = center.watchAvailability(
        [],
        (update) => {
          if (!known.has(update.productId)) {
            // Once per id: a product the list leaves out on purpose must not make the hook list forever.
            if (!relisted.current.has(update.productId)) setAttempt((n) => n + 1);
            relisted.current.add(update.productId);
            return;
          }
          setProducts((current) =>
            current.map((product) =>
              product.id === update.productId
                ? { ...(update.product ?? product), remaining: update.remaining, capacity: update.capacity }
                : product,
            ),
          );
        },
        // A stream that simply ends has lost its center as surely as one that fails.
        (error) => fail(error ?? { code: status.UNAVAILABLE }),
      );
    }, fail);
    return () => {
      cancelled = true;
      stop?.();
      if (timer) clearTimeout(timer);
    };
  }, [center, retryMs, attempt]);

  return { state, products, problem, retry };
}
