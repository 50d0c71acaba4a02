/**
 * How cards reach the gate. Readers that report cards themselves (PC/SC:
 * `card` / `card.off` events) are read as soon as a card is put on them, and
 * a verdict ends when its card is taken off. Readers without events (the
 * `file:` virtual card, always "on the reader") are presented with a key.
 */
import { useEffect, useState } from 'react';
import type { CardReader } from '../../card/card.js';
import type { GateAction, Phase } from '../flow/gate-state.js';

export interface CardPresence {
  /** 'key': the attendant presents the card with a key; 'auto': the reader notices cards itself. */
  readonly mode: 'key' | 'auto';
  /** In auto mode: the last card is still on the reader and must be taken off before the next is read. */
  readonly awaitingRemoval: boolean;
}

type Listener = (cardId: string) => void;
interface EventedReader {
  on(event: 'card.off', listener: Listener): unknown;
  off?(event: 'card.off', listener: Listener): unknown;
  removeListener?(event: 'card.off', listener: Listener): unknown;
}

/** The reader's removal events when it notices cards itself (coded against the interface, not a driver). */
function evented(reader: CardReader): EventedReader | undefined {
  const candidate = reader as Partial<EventedReader>;
  return reader.hotPlug && typeof candidate.on === 'function' ? (candidate as EventedReader) : undefined;
}

export function useCardPresence(reader: CardReader, phase: Phase, dispatch: (action: GateAction) => void): CardPresence {
  const events = evented(reader);
  const [onReader, setOnReader] = useState<string | undefined>();
  const shownCard = phase.kind === 'menu' || phase.kind === 'verdict' ? phase.card.cardId : undefined;

  useEffect(() => {
    if (events && shownCard) setOnReader(shownCard);
  }, [events, shownCard]);

  useEffect(() => {
    if (!events) return;
    const listener: Listener = (cardId) => {
      setOnReader((current) => (current === cardId ? undefined : current));
      if (cardId === shownCard) dispatch({ type: 'removed' });
    };
    events.on('card.off', listener);
    return () => {
      if (events.off) events.off('card.off', listener);
      else events.removeListener?.('card.off', listener);
    };
  }, [events, shownCard, dispatch]);

  // Auto mode: wait for the next card while the waiting screen is up and the last card is gone.
  const waitingForNext = events !== undefined && phase.kind === 'waiting' && onReader === undefined;
  useEffect(() => {
    if (!waitingForNext) return;
    const abort = new AbortController();
    reader.waitForCard({ signal: abort.signal }).then(
      () => !abort.signal.aborted && dispatch({ type: 'present' }),
      () => undefined, // aborted, or the reader closed: the attendant can still present with a key
    );
    return () => abort.abort();
  }, [waitingForNext, reader, dispatch]);

  return { mode: events ? 'auto' : 'key', awaitingRemoval: events !== undefined && onReader !== undefined };
}
