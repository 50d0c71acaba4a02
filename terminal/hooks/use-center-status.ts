import { useCallback, useEffect, useState } from 'react';
import type { CenterClient } from '../center-client.js';
import { describeCenterOutage } from '../center-errors.js';

export type CenterState = 'connecting' | 'online' | 'offline';

export interface CenterStatus {
  readonly state: CenterState;
  /** The terminal's name as the center knows it (from WhoAmI). */
  readonly terminalName?: string;
  /** Why the last check failed, in words for the person at the terminal. */
  readonly problem?: string;
  /** Checks again now. */
  readonly retry: () => void;
}

/** Asks the center who we are every `intervalMs`, so screens can say plainly when it is unreachable. */
export function useCenterStatus(center: CenterClient, intervalMs = 5_000): CenterStatus {
  const [status, setStatus] = useState<Omit<CenterStatus, 'retry'>>({ state: 'connecting' });
  const [tick, setTick] = useState(0);
  const retry = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    const check = () =>
      center.whoAmI().then(
        (me) => !cancelled && setStatus({ state: 'online', terminalName: me.terminalName }),
        (error: unknown) =>
          !cancelled && setStatus({ state: 'offline', problem: describeCenterOutage(error, center.address) }),
      );
    void check();
    const timer = setInterval(check, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [center, intervalMs, tick]);

  return { ...status, retry };
}
