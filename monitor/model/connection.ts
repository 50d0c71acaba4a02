/**
 * The dashboard's one word on the center, from its two links to it (the polled stats and the
 * admission stream): live, unreachable since a time (both retry by themselves), the token refused
 * (nothing retries), or the stream alone reconnecting after the center ended it.
 */
import type { StreamState } from '../hooks/use-admission-stream.js';
import type { Polled } from '../hooks/use-polled.js';

export type Connection =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  /** `answered`: the center answered before, so its last numbers are on screen. */
  | { readonly kind: 'unreachable'; readonly since: Date; readonly answered: boolean }
  | { readonly kind: 'refused'; readonly words: string }
  /** The center answers, but the stream was ended or a call failed otherwise: `words` say how. */
  | { readonly kind: 'troubled'; readonly words: string };

export function connectionOf(stats: Polled<unknown>, stream: StreamState): Connection {
  const trouble = stats.trouble;
  if (trouble?.kind === 'refused') return { kind: 'refused', words: trouble.words };
  if (stream.kind === 'refused') return { kind: 'refused', words: stream.words };
  const streamDown = stream.kind === 'retrying' && stream.trouble.kind === 'unreachable' ? stream.since : undefined;
  const statsDown = trouble?.kind === 'unreachable' ? stats.troubleSince : undefined;
  if (streamDown || statsDown) {
    const since = [streamDown, statsDown].filter((d): d is Date => Boolean(d));
    const earliest = new Date(Math.min(...since.map((d) => d.getTime())));
    return { kind: 'unreachable', since: earliest, answered: stats.value !== undefined };
  }
  if (trouble && trouble.kind !== 'unreachable') return { kind: 'troubled', words: trouble.words };
  if (stream.kind === 'retrying' && stream.trouble.kind !== 'unreachable')
    return { kind: 'troubled', words: `reconnecting — ${stream.trouble.words}` };
  if (stream.kind === 'connecting' || stats.value === undefined) return { kind: 'connecting' };
  return { kind: 'live' };
}
