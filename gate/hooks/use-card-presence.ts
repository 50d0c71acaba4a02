/**
 * How cards reach the gate. Readers that report cards themselves (PC/SC:
 * `card` / `card.off` events) are read as soon as a card is put on them, and
 * whatever is on screen for a card ends when it is taken off. Readers without
 * events (the `file:` virtual card, always "on the reader") are presented
 * with a key.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { CardReader } from '../../card/card.js';
import type { GateAction, Phase } from '../flow/gate-state.js';

export interface CardPresence {
  /** 'key': the attendant presents the card with a key; 'auto': the reader notices cards itself. */
  readonly mode: 'key' | 'auto';
  /** In auto mode: the last card is still on the reader and must be taken off before the next is read. */
  readonly awaitingRemoval: boolean;
}

export function useCardPresence(reader: CardReader, phase: Phase, dispatch: (action: GateAction) => void): CardPresence {
  const auto = reader.hotPlug === true && reader.on !== undefined;
  const [onReader, setOnReader] = useState<string | undefined>();
  const shownCard = phase.kind === 'menu' || phase.kind === 'verdict' ? phase.card.cardId : undefined;
  // A card being read, or one that could not be read, has no id on screen: any card leaving ends it.
  const anyCardEnds = phase.kind === 'reading' || phase.kind === 'card-error';

  // Layout effects: they run while React commits the screen, so a card taken off just as its menu or
  // verdict appears (before passive effects would run) is still noticed.
  useLayoutEffect(() => {
    if (auto && shownCard) setOnReader(shownCard);
  }, [auto, shownCard]);

  useLayoutEffect(() => {
    if (!auto) return;
    const listener = (cardId: string) => {
      setOnReader((current) => (current === cardId ? undefined : current));
      if (cardId === shownCard || anyCardEnds) dispatch({ type: 'removed' });
    };
    reader.on!('card.off', listener);
    return () => void reader.off?.('card.off', listener);
  }, [auto, reader, shownCard, anyCardEnds, dispatch]);

  // Auto mode: wait for the next card while the waiting screen is up and the last card is gone.
  const waitingForNext = auto && phase.kind === 'waiting' && onReader === undefined;
  useEffect(() => {
    if (!waitingForNext) return;
    const abort = new AbortController();
    // A card that cannot be used (not a Cardgate card, too small) rejects the wait: reading it shows why.
    const present = () => !abort.signal.aborted && dispatch({ type: 'present' });
    reader.waitForCard({ signal: abort.signal }).then(present, present);
    return () => abort.abort();
  }, [waitingForNext, reader, dispatch]);

  return { mode: auto ? 'auto' : 'key', awaitingRemoval: auto && onReader !== undefined };
}
