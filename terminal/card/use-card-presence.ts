/**
 * Cards put on and taken off the reader, for a screen that reacts to the
 * card rather than asking for one (use-card-task.ts asks for one). Readers
 * that notice cards themselves (PC/SC: `hotPlug`, `card.off` events) report
 * each card put down once, as the Card to read, so a presentation waits for
 * the card once; and the removal of the card the screen is about. Readers
 * without events (the `file:` card, always "on the reader") are presented
 * with a key: for them this hook reports nothing.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Card } from '../../card/index.js';
import { useCardReader } from './CardReaderProvider.js';

export interface CardPresence {
  /** 'key': the person presents the card with a key; 'auto': the reader notices cards itself. */
  readonly mode: 'key' | 'auto';
  /** auto: the last card shown is still on the reader and must be taken off before the next is reported. */
  readonly awaitingRemoval: boolean;
}

export interface CardPresenceOptions {
  /** Report the next card put on the reader (the screen is asking for one). */
  readonly wanted: boolean;
  /** The id of the card the screen shows: its removal is reported, and the next card only once it is gone. */
  readonly showing?: string;
  /** A card is being read, or could not be: it has no id on screen yet, so any card leaving is reported. */
  readonly anyRemoval?: boolean;
  /** A card was put on the reader. */
  readonly onCard: (card: Card) => void;
  /** A card was put on the reader that cannot be used (another application's data, too small): the reader's error says why. */
  readonly onUnusable: (error: unknown) => void;
  /** The card shown (or, with anyRemoval, any card) was taken off. */
  readonly onRemoved: () => void;
}

export function useCardPresence({
  wanted,
  showing,
  anyRemoval = false,
  onCard,
  onUnusable,
  onRemoved,
}: CardPresenceOptions): CardPresence {
  const reader = useCardReader();
  const auto = reader.hotPlug === true && reader.on !== undefined;
  const [onReader, setOnReader] = useState<string | undefined>();
  const report = useRef({ onCard, onUnusable, onRemoved });
  report.current = { onCard, onUnusable, onRemoved };

  // Layout effects: they run while React commits the screen, so a card taken off just as the screen
  // showing it appears (before passive effects would run) is still noticed.
  useLayoutEffect(() => {
    if (auto && showing) setOnReader(showing);
  }, [auto, showing]);

  useLayoutEffect(() => {
    if (!auto) return;
    const listener = (cardId: string) => {
      setOnReader((current) => (current === cardId ? undefined : current));
      if (cardId === showing || anyRemoval) report.current.onRemoved();
    };
    reader.on!('card.off', listener);
    return () => void reader.off?.('card.off', listener);
  }, [auto, reader, showing, anyRemoval]);

  const waitingForNext = auto && wanted && onReader === undefined;
  useEffect(() => {
    if (!waitingForNext) return;
    const abort = new AbortController();
    reader.waitForCard({ signal: abort.signal }).then(
      (card) => !abort.signal.aborted && report.current.onCard(card),
      (error: unknown) => !abort.signal.aborted && report.current.onUnusable(error),
    );
    return () => abort.abort();
  }, [waitingForNext, reader]);

  return { mode: auto ? 'auto' : 'key', awaitingRemoval: auto && onReader !== undefined };
}
