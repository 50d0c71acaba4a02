/** A ticket's use so far off line (SPEC §9): the gate's journal and the card's entries, one movement counted once. */
import test from 'ava';
import { entriesSoFar, type Movement } from '../../gate/offline/entries-so-far.js';

const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 11, 1, 19, minute, 0, ms));
const move = (gateId: string, minute: number, extra: Partial<Movement> = {}) => ({
  ticketId: 'TKT-1',
  gateId,
  at: at(minute),
  direction: 'entry' as const,
  reentry: false,
  ...extra,
});

test('an admission in the journal and on the card (to the second) counts once', (t) => {
  const journal = [{ ...move('G1', 2), at: at(2, 437) }];
  t.deepEqual(entriesSoFar(journal, [move('G1', 2)]), {
    entriesUsed: 1,
    firstUsedAt: at(2, 437),
    firstUsedGate: 'G1',
    lastMovement: 'entry',
  });
});

test('entries at other gates add up; the first is the earliest wherever it was recorded', (t) => {
  const used = entriesSoFar([move('G1', 5)], [move('G2', 1), move('G3', 3)]);
  t.is(used.entriesUsed, 3);
  t.is(used.firstUsedGate, 'G2');
});

test('exits and re-entries use no entry; the last movement is the latest in time', (t) => {
  const used = entriesSoFar(
    [move('G1', 1), move('G1', 9, { direction: 'exit' })],
    [move('OUT', 4, { direction: 'exit' }), move('G2', 6, { reentry: true })],
  );
  t.is(used.entriesUsed, 1);
  t.is(used.lastMovement, 'exit');
});

test('nothing known: no entry used and no movement', (t) => {
  t.deepEqual(entriesSoFar([], []), { entriesUsed: 0, firstUsedAt: null, firstUsedGate: null, lastMovement: null });
});
