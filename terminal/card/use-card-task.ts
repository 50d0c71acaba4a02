import { useCallback, useEffect, useRef, useState } from 'react';
import type { Card } from '../../card/index.js';
import { useCardReader } from './CardReaderProvider.js';

export type CardTaskState = 'idle' | 'waiting' | 'working' | 'done' | 'failed';

export interface CardTask<T> {
  /** waiting: no card on the reader yet; working: reading or writing it. */
  readonly state: CardTaskState;
  readonly result?: T;
  /** A CardError (its message is written for the person at the terminal) or whatever `work` threw. */
  readonly error?: unknown;
  /** Starts (or starts again) waiting for a card and then runs the work on it. */
  readonly run: () => void;
  /** Stops waiting; the task goes back to idle. */
  readonly cancel: () => void;
}

/**
 * Runs `work` on the card on the reader, waiting for one to be put there
 * first. The wait is aborted when the component unmounts or `cancel` is
 * called, so leaving a screen never leaves a reader waiting.
 */
export function useCardTask<T>(
  work: (card: Card) => Promise<T>,
  options: { readonly runOnMount?: boolean } = {},
): CardTask<T> {
  const reader = useCardReader();
  const [task, setTask] = useState<{ state: CardTaskState; result?: T; error?: unknown }>({ state: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const workRef = useRef(work);
  workRef.current = work;

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setTask({ state: 'idle' });
  }, []);

  const run = useCallback(() => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setTask({ state: 'waiting' });
    const current = () => controller.current === mine && !mine.signal.aborted;
    reader
      .waitForCard({ signal: mine.signal })
      .then(async (card) => {
        if (!current()) return;
        setTask({ state: 'working' });
        const result = await workRef.current(card);
        if (current()) setTask({ state: 'done', result });
      })
      .catch((error: unknown) => {
        if (current()) setTask({ state: 'failed', error });
      });
  }, [reader]);

  useEffect(() => {
    if (options.runOnMount) run();
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, []);

  return { ...task, run, cancel };
}
