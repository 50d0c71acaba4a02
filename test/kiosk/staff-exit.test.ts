/** The staff exit sequence of a locked kiosk (kiosk/staff-exit.ts): Ctrl+X three times within three seconds. */
import test from 'ava';
import { STAFF_SEQUENCE_MS, staffSequence } from '../../kiosk/staff-exit.js';

const run = (times: number[]) =>
  times.reduce<{ presses: number[]; complete: boolean }>((state, at) => staffSequence(state.presses, at), {
    presses: [],
    complete: false,
  });

test('three presses within the window complete the sequence', (t) => {
  t.true(run([0, 500, 1000]).complete);
});

test('two presses, or three spread over more than the window, do not', (t) => {
  t.false(run([0, 500]).complete);
  t.false(run([0, STAFF_SEQUENCE_MS / 2, STAFF_SEQUENCE_MS + 1]).complete);
  t.true(run([0, STAFF_SEQUENCE_MS / 2, STAFF_SEQUENCE_MS + 1, STAFF_SEQUENCE_MS + 2]).complete);
});
