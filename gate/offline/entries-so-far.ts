/**
 * A ticket's use so far as an off-line gate knows it (SPEC §9): its own
 * journal and the entries gates wrote on the card, one movement counted once
 * (the gate writes its journal's admissions onto the card too). Only counts:
 * which movement uses an entry was decided by the judge when it was made.
 */
import type { EntriesUsed } from '../../card/admission/judge.js';
import type { CardEntry } from '../../card/card.js';

export interface Movement {
  readonly gateId: string;
  readonly at: Date;
  readonly direction: 'entry' | 'exit';
  readonly reentry: boolean;
}

/** The same movement from the journal and from the card: one gate, one second, one direction. */
const keyOf = (m: Movement) => `${m.gateId}|${Math.floor(m.at.getTime() / 1000)}|${m.direction}`;

export function entriesSoFar(journal: readonly Movement[], card: readonly CardEntry[]): EntriesUsed {
  const byKey = new Map<string, Movement>();
  for (const movement of [...card, ...journal]) byKey.set(keyOf(movement), movement);
  const movements = [...byKey.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  const entries = movements.filter((m) => m.direction === 'entry' && !m.reentry);
  return {
    entriesUsed: entries.length,
    firstUsedAt: entries[0]?.at ?? null,
    firstUsedGate: entries[0]?.gateId ?? null,
    lastMovement: movements.at(-1)?.direction ?? null,
  };
}
