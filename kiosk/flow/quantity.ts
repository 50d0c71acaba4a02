/**
 * The quantity control's moves as a pure function, so that several keys of
 * one terminal read (Up Up Up, or "2" then Up) each apply to what the key
 * before left, not to the number on screen (the screen keeps the latest
 * value in a ref, as terminal/hooks/use-list-cursor.ts does for lists).
 */

/** More, fewer, or a number typed. */
export type QuantityMove = 'more' | 'fewer' | { readonly to: number };

/** The quantity after `move`, from 1 to `max` (at least 1). */
export function stepQuantity(current: number, move: QuantityMove, max: number): number {
  const clamp = (n: number) => Math.max(1, Math.min(max, n));
  if (move === 'more') return clamp(current + 1);
  if (move === 'fewer') return clamp(current - 1);
  return clamp(move.to);
}
