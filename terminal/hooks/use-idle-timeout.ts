import { useEffect, useRef, useState } from 'react';
import { useKeys } from './use-keys.js';

/**
 * Calls `onIdle` once nobody has pressed a key for `ms` while `active`
 * (e.g. a kiosk left half-way through a purchase). Any key starts the wait again.
 */
export function useIdleTimeout(ms: number, onIdle: () => void, active: boolean): void {
  const [lastKey, setLastKey] = useState(0);
  const callback = useRef(onIdle);
  callback.current = onIdle;

  useKeys(() => setLastKey((n) => n + 1), { isActive: active });

  useEffect(() => {
    if (!active || ms <= 0) return;
    const timer = setTimeout(() => callback.current(), ms);
    return () => clearTimeout(timer);
  }, [active, ms, lastKey]);
}
