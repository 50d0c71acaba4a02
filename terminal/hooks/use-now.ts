import { useEffect, useState } from 'react';

const systemClock = () => new Date();

/** The time from `clock`, read again every `everyMs`, so a screen notices a deadline passing while it is open. */
export function useNow(clock: () => Date = systemClock, everyMs = 5_000): Date {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
