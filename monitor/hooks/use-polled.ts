import { useEffect, useState } from 'react';
import { troubleOf, type Trouble } from '../model/center-trouble.js';

export interface Polled<T> {
  /** The last answer (kept while later calls fail, so the screen keeps the last numbers it had). */
  readonly value?: T;
  /** When `value` arrived. */
  readonly at?: Date;
  /** Why the last call failed, and since when calls have been failing; undefined once one succeeds. */
  readonly trouble?: Trouble;
  readonly troubleSince?: Date;
}

/**
 * Calls `load` every `everyMs` (the next call only after the previous answered), keeping its last
 * answer and the time calls started failing; stops for good once the center refuses the token.
 * `load` must keep its identity across renders (useCallback): a new one starts polling anew.
 */
export function usePolled<T>(load: () => Promise<T>, everyMs: number): Polled<T> {
  const [polled, setPolled] = useState<Polled<T>>({});
  useEffect(() => {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const poll = () =>
      load().then(
        (value) => {
          if (stopped) return;
          setPolled({ value, at: new Date() });
          timer = setTimeout(poll, everyMs);
        },
        (error: unknown) => {
          if (stopped) return;
          const trouble = troubleOf(error);
          setPolled((last) => ({ ...last, trouble, troubleSince: last.troubleSince ?? new Date() }));
          if (trouble.kind !== 'refused') timer = setTimeout(poll, everyMs);
        },
      );
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, everyMs]);
  return polled;
}
