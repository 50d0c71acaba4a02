import { useEffect, useState } from 'react';

/** Seconds left of `seconds`, ticking while `active`; calls `onDone` once at zero. Restarts when `key` changes. */
export function useCountdown(seconds: number, active: boolean, key: unknown, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (!active || seconds <= 0) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(remaining, 0));
      if (remaining <= 0) {
        clearInterval(timer);
        onDone();
      }
    }, 250);
    return () => clearInterval(timer);
    // onDone is deliberately not a dependency: a new callback must not restart the countdown.
  }, [seconds, active, key]);
  return left;
}
