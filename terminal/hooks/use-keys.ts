import { createContext, createElement, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';
import { splitKeys } from './split-keys.js';

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
 * Several keys in one read reach the screens one by one (split-keys.ts).
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
  const [push] = useState(() =>
    keyQueue((input, key) => {
      for (const listener of [...listeners]) if (listener.active.current) listener.handler.current(input, key);
    }),
  );
  useInput(push);
  return createElement(KeysContext.Provider, { value: listeners }, children);
}

/**
 * Hands keys to `deliver` one by one, in the order they were typed: a read's first key at once
 * when nothing is queued, each further one on a later turn of the event loop (setImmediate),
 * after the render React scheduled for the key before it, so handlers see the state that key
 * left. "Hanako⏎" in one read then submits "Hanako", not the value shown before it arrived.
 */
/**
 * Ink hands Ctrl+letter over as the letter with `key.ctrl` set, so a screen's `input === 'c'` also
 * fired on Ctrl+C (on a locked kiosk, where Ctrl+C does not quit, it chose "pay with another card").
 * Here a Ctrl+letter becomes its caret name ("^C", "^R", "^X"), which no plain-letter key matches.
 */
export function chordOf([input, key]: readonly [string, Key]): readonly [string, Key] {
  return key.ctrl && /^[a-z]$/.test(input) ? [`^${input.toUpperCase()}`, key] : [input, key];
}

function keyQueue(deliver: Handler): Handler {
  const queued: Array<readonly [string, Key]> = [];
  const drain = () => {
    try {
      deliver(...queued.shift()!);
    } finally {
      if (queued.length) setImmediate(drain);
    }
  };
  return (read, readKey) => {
    const idle = queued.length === 0;
    queued.push(...splitKeys(read, readKey).map(chordOf));
    if (idle) drain();
  };
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
  const [push] = useState(() => keyQueue((input, key) => latest.current(input, key)));
  useInput(push, { isActive: !root && active.current });
}
