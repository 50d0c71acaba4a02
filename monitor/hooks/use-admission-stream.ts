import { useEffect, useReducer, useState } from 'react';
import type { CenterClient } from '../../terminal/center-client.js';
import { emptyTally, foldEvent, type AdmissionTally } from '../model/admission-tally.js';
import { troubleOf, type Trouble } from '../model/center-trouble.js';

export type StreamState =
  | { readonly kind: 'connecting' }
  /** Watching: nothing after `since` is missed. */
  | { readonly kind: 'live'; readonly since: Date }
  /** Ended by `trouble`; the next attempt in `retryInMs`. Events meanwhile are not counted. */
  | { readonly kind: 'retrying'; readonly trouble: Trouble; readonly since: Date; readonly retryInMs: number }
  /** The token will never do: not retried. */
  | { readonly kind: 'refused'; readonly words: string };

export interface AdmissionStream {
  readonly tally: AdmissionTally;
  readonly stream: StreamState;
  /** When the tally started counting (the first time the stream opened). */
  readonly countingSince?: Date;
  /** The last time the stream was down after counting began: what happened then is not in the tally. */
  readonly gap?: { readonly from: Date; readonly to: Date };
}

export interface StreamBackoff {
  /** The first wait before reconnecting (default 500 ms), doubled after each failure… */
  readonly firstMs?: number;
  /** …up to this (default 5000 ms). */
  readonly maxMs?: number;
}

/**
 * WatchAdmissions folded into the tally (model/admission-tally.ts), reconnecting by itself with
 * backoff whenever the stream ends: the center went away, or dropped a reader that fell behind
 * (RESOURCE_EXHAUSTED). A token the center refuses ends it for good.
 */
export function useAdmissionStream(center: CenterClient, backoff: StreamBackoff = {}): AdmissionStream {
  const { firstMs = 500, maxMs = 5_000 } = backoff;
  const [tally, fold] = useReducer(foldEvent, emptyTally);
  const [stream, setStream] = useState<StreamState>({ kind: 'connecting' });
  const [countingSince, setCountingSince] = useState<Date>();
  const [gap, setGap] = useState<AdmissionStream['gap']>();

  useEffect(() => {
    let stopped = false;
    let stop = () => {};
    let timer: NodeJS.Timeout | undefined;
    let waitMs = firstMs;
    let troubleSince: Date | undefined;
    let counting = false;
    const open = () => {
      ({ stop } = center.watchAdmissions(
        {},
        {
          onOpen: () => {
            if (stopped) return;
            const since = new Date();
            if (counting && troubleSince) setGap({ from: troubleSince, to: since });
            counting = true;
            waitMs = firstMs;
            troubleSince = undefined;
            setCountingSince((first) => first ?? since);
            setStream({ kind: 'live', since });
          },
          onEvent: (event) => {
            if (!stopped) fold(event);
          },
          onEnd: (error) => {
            if (stopped) return;
            const trouble = troubleOf(error);
            if (trouble.kind === 'refused') return setStream({ kind: 'refused', words: trouble.words });
            troubleSince ??= new Date();
            setStream({ kind: 'retrying', trouble, since: troubleSince, retryInMs: waitMs });
            timer = setTimeout(open, waitMs);
            waitMs = Math.min(maxMs, waitMs * 2);
          },
        },
      ));
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stop();
    };
  }, [center, firstMs, maxMs]);

  return { tally, stream, countingSince, gap };
}
