import { useEffect, useRef, useState } from 'react';

/** Seconds left of `seconds`, ticking while `active`; calls `onDone` once at zero. Restarts when `key` changes. */
export function useCountdown(seconds: number, active: boolean, key: unknown, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  // The latest callback, read at zero: a new callback must not restart the countdown.
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    setLeft(seconds);
    if (!active || seconds <= 0) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(remaining, 0));
      if (remaining <= 0) {
        clearInterval(timer);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, active, key]);
  return left;
}
