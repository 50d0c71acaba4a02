/**
 * This gate's entries on the cards (SPEC §9): written after an admission,
 * and, when a card was taken off before its write ended, remembered in the
 * journal and written the next time the card is read here.
 */
import type { Card, CardEntry } from '../../card/card.js';
import { isCardError } from '../../card/card-error.js';
import type { Journal } from './journal.js';

const isFull = (error: unknown) => isCardError(error) && error.code === 'CARD_FULL';

/**
 * Writes this gate's entry onto the card after an admission. A card taken off before the write
 * ends keeps its old contents; the entry is remembered and written the next time it is read here.
 */
export async function writeEntry(journal: Journal, card: Card, entry: CardEntry): Promise<void> {
  if (!card.addEntry) return;
  try {
    await card.addEntry(entry);
  } catch (error) {
    // A full card keeps its older entries (card/README.md); the journal or the center has this one.
    if (!isFull(error)) await journal.owe(card.id, entry);
  }
}

/** Writes the entries owed to a card just read (see writeEntry); those already on it are dropped. */
export async function catchUp(journal: Journal, card: Card, onCard: readonly CardEntry[]): Promise<CardEntry[]> {
  const written = [...onCard];
  const second = (at: Date) => Math.floor(at.getTime() / 1000);
  for (const entry of await journal.owed(card.id)) {
    const there = onCard.some(
      (e) => e.ticketId === entry.ticketId && e.direction === entry.direction && second(e.at) === second(entry.at),
    );
    try {
      if (!there && card.addEntry) await card.addEntry(entry);
      await journal.paid(card.id, entry);
      if (!there) written.push(entry);
    } catch (error) {
      if (!isFull(error)) break; // taken off again: next time
      await journal.paid(card.id, entry);
    }
  }
  return written;
}
