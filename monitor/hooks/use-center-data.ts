/** The polled half of the dashboard: product stats every ~2 s, gate status every ~5 s (SPEC §10). */
import { status, type ServiceError } from '@grpc/grpc-js';
import { useCallback } from 'react';
import type { GateStatus, ProductStats } from '../../gen/cardgate/v1/admin.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { usePolled, type Polled } from './use-polled.js';

export interface PollIntervals {
  readonly statsMs?: number;
  readonly gatesMs?: number;
}

/** ListProductStats: per product sold, admitted, inside, conflicts, with the product itself. */
export function useProductStats(center: CenterClient, everyMs = 2_000): Polled<ProductStats[]> {
  const load = useCallback(() => center.listProductStats(), [center]);
  return usePolled(load, everyMs);
}

/** The gates as the center last heard from them, or `unavailable` from a center without ListGates. */
export type GateList = { readonly available: true; readonly gates: GateStatus[] } | { readonly available: false };

/**
 * ListGates; a center that answers UNIMPLEMENTED (older than gate status) is asked again now and then,
 * so a center upgraded while the monitor runs is noticed.
 */
export function useGateList(center: CenterClient, everyMs = 5_000): Polled<GateList> {
  const load = useCallback(
    () =>
      center.listGates().then(
        (gates): GateList => ({ available: true, gates }),
        (error: unknown) => {
          if ((error as Partial<ServiceError>).code === status.UNIMPLEMENTED) return { available: false } as GateList;
          throw error;
        },
      ),
    [center],
  );
  return usePolled(load, everyMs);
}
