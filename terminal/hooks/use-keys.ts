import { useCallback, useRef } from 'react';
import { useInput, type Key } from 'ink';

/**
 * `useInput` with a handler that always sees the latest render's props and
 * state. Ink re-subscribes a changed handler only in an effect, so a key that
 * arrives between a render and that effect would reach the previous
 * render's handler (and, e.g., find a list still empty); here the
 * subscription is stable and the handler is read from a ref set during render.
 */
export function useKeys(handler: (input: string, key: Key) => void, options: { readonly isActive?: boolean } = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive: options.isActive ?? true });
}
