/** The monitor's fold of the admission stream (SPEC §10): per-gate entries per minute, exits, refusals by reason, conflicts. */
import test from 'ava';
import { AdmissionResult, type WatchAdmissionsResponse } from '../../gen/cardgate/v1/admin.js';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import {
  emptyTally,
  entriesPerMinute,
  foldEvent,
  KEPT_MINUTES,
  refusalRows,
  refusalsAt,
} from '../../monitor/model/admission-tally.js';

const A = AdmissionResult;
const R = RejectReason;
const T0 = new Date('2026-12-01T19:00:00Z');
const at = (minute: number, second = 0) => new Date(T0.getTime() + minute * 60_000 + second * 1000);

function event(
  result: AdmissionResult,
  gateId: string,
  minute: number,
  more: Partial<WatchAdmissionsResponse> = {},
): WatchAdmissionsResponse {
  return {
    result,
    gateId,
    ticketId: `TKT-${gateId}-${minute}`,
    productId: 'PRD-1',
    reason: R.REJECT_REASON_UNSPECIFIED,
    at: at(minute, 30),
    direction: Direction.DIRECTION_ENTRY,
    reentry: false,
    offline: false,
    conflict: false,
    ...more,
  };
}

const fold = (events: WatchAdmissionsResponse[]) => events.reduce(foldEvent, emptyTally);

test('a scripted night gives each gate its entries per minute, oldest first, and its total', (t) => {
  const tally = fold([
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 0, { ticketId: 'a' }),
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 0, { ticketId: 'b' }),
    event(A.ADMISSION_RESULT_ADMITTED, 'G2', 1, { ticketId: 'c' }),
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 2, { ticketId: 'd' }),
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 2, { ticketId: 'e' }),
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 2, { ticketId: 'f' }),
    event(A.ADMISSION_RESULT_EXITED, 'G2', 3, { ticketId: 'c', direction: Direction.DIRECTION_EXIT }),
  ]);
  t.deepEqual(entriesPerMinute(tally.gates.G1, at(3), 4), [2, 0, 3, 0]);
  t.deepEqual(entriesPerMinute(tally.gates.G2, at(3), 4), [0, 1, 0, 0]);
  t.is(tally.gates.G1!.entries, 5);
  t.is(tally.gates.G2!.exits, 1);
  t.deepEqual(entriesPerMinute(undefined, at(3), 3), [0, 0, 0], 'a gate not seen has no entries');
});

test('refusals are counted per gate and reason, the most frequent reason first', (t) => {
  const tally = fold([
    event(A.ADMISSION_RESULT_REFUSED, 'G1', 0, { reason: R.REJECT_REASON_WRONG_GATE }),
    event(A.ADMISSION_RESULT_REFUSED, 'G2', 0, { reason: R.REJECT_REASON_ALREADY_USED }),
    event(A.ADMISSION_RESULT_REFUSED, 'G1', 1, { reason: R.REJECT_REASON_ALREADY_USED }),
    event(A.ADMISSION_RESULT_REFUSED, 'G2', 1, { reason: R.REJECT_REASON_ALREADY_USED }),
  ]);
  t.deepEqual(refusalRows(tally, ['G1', 'G2']), [
    { reason: R.REJECT_REASON_ALREADY_USED, byGate: [1, 2], total: 3 },
    { reason: R.REJECT_REASON_WRONG_GATE, byGate: [1, 0], total: 1 },
  ]);
  t.is(refusalsAt(tally.gates.G1), 2);
  t.deepEqual(entriesPerMinute(tally.gates.G1, at(1), 2), [0, 0], 'a refusal is no admission');
});

test('SPEC §10: an annulled entry no longer counts, in its own minute; an annulled exit leaves the exits', (t) => {
  const tally = fold([
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 0, { ticketId: 'a' }),
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', 1, { ticketId: 'b' }),
    event(A.ADMISSION_RESULT_ANNULLED, 'G1', 4, { ticketId: 'a' }),
    event(A.ADMISSION_RESULT_EXITED, 'G1', 5, { ticketId: 'b', direction: Direction.DIRECTION_EXIT }),
    event(A.ADMISSION_RESULT_ANNULLED, 'G1', 5, { ticketId: 'b', direction: Direction.DIRECTION_EXIT }),
    // An annulment of an entry made before the monitor started changes nothing it counted.
    event(A.ADMISSION_RESULT_ANNULLED, 'G1', 5, { ticketId: 'older' }),
  ]);
  t.deepEqual(entriesPerMinute(tally.gates.G1, at(5), 6), [0, 1, 0, 0, 0, 0]);
  t.is(tally.gates.G1!.entries, 1);
  t.is(tally.gates.G1!.exits, 0);
});

test('conflicts are remembered newest first, five at most, whichever result they came with', (t) => {
  const conflicts = Array.from({ length: 7 }, (_, i) =>
    event(A.ADMISSION_RESULT_ADMITTED, i % 2 ? 'G2' : 'G1', i, { ticketId: `c${i}`, conflict: true, offline: true }),
  );
  const tally = fold([event(A.ADMISSION_RESULT_ADMITTED, 'G1', 0), ...conflicts]);
  t.deepEqual(
    tally.conflicts.map((c) => `${c.gateId} ${c.ticketId}`),
    ['G1 c6', 'G2 c5', 'G1 c4', 'G2 c3', 'G1 c2'],
  );
  t.deepEqual(tally.conflicts[0]!.at, at(6, 30));
  t.is(tally.events, 8);
});

test('a long night keeps only the last hour of minutes, and counts every entry in the total', (t) => {
  const events = Array.from({ length: 3 * KEPT_MINUTES }, (_, minute) =>
    event(A.ADMISSION_RESULT_ADMITTED, 'G1', minute, { ticketId: `t${minute}` }),
  );
  const gate = fold(events).gates.G1!;
  t.true(Object.keys(gate.entriesByMinute).length <= KEPT_MINUTES + 1);
  t.true(Object.keys(gate.lastEntry).length <= KEPT_MINUTES + 1);
  t.is(gate.entries, 3 * KEPT_MINUTES);
  t.deepEqual(entriesPerMinute(gate, at(3 * KEPT_MINUTES - 1), 3), [1, 1, 1]);
});
