import { createContext, createElement, useCallback, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';

type Handler = (input: string, key: Key) => void;
interface Listener {
  readonly handler: { current: Handler };
  readonly active: { current: boolean };
}

const KeysContext = createContext<Set<Listener> | null>(null);

/**
 * One keyboard subscription for a whole app, handing each key to the
 * `useKeys` handlers of the screens mounted at that moment. Ink subscribes a
 * `useInput` in an effect that runs some time after the screen's first frame
 * is drawn, so a key pressed right as a new screen appeared went to nobody
 * (seen under load: an attendant's Enter on a fresh ticket menu was lost).
 * Under a root that stays mounted the subscription never lapses, and a
 * screen joins it while React commits the screen, before any key can arrive.
 */
export function KeysRoot({ children }: { readonly children: ReactNode }) {
  // Nested (the launcher opening the kiosk or the gate): the outer root's subscription serves both.
  // A second one would start only in an effect after the inner app's first frame, and a key
  // pressed in between went to the outer root's screens, which are inactive by then.
  const outer = useContext(KeysContext);
  return outer ? children : createElement(OwnKeysRoot, null, children);
}

function OwnKeysRoot({ children }: { readonly children: ReactNode }) {
  const listeners = useRef(new Set<Listener>()).current;
  useInput((input, key) => {
    for (const listener of [...listeners]) if (listener.active.current) listener.handler.current(input, key);
  });
  return createElement(KeysContext.Provider, { value: listeners }, children);
}

/**
 * `useInput` with a handler that always sees the latest render's props and
 * state: the subscription is stable and the handler is read from a ref set
 * during render. Under a KeysRoot it joins the app's one subscription as the
 * screen is committed; without one (a component rendered on its own) it
 * subscribes through Ink itself.
 */
export function useKeys(handler: Handler, options: { readonly isActive?: boolean } = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const active = useRef(options.isActive ?? true);
  active.current = options.isActive ?? true;
  const root = useContext(KeysContext);
  useLayoutEffect(() => {
    if (!root) return;
    const listener = { handler: latest, active };
    root.add(listener);
    return () => void root.delete(listener);
  }, [root]);
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive: !root && active.current });
}
