/** The list cursor's reducer (terminal/list-cursor.ts): how each key moves the highlight and the window shown. */
import test from 'ava';
import { listCursorReducer, type CursorList, type CursorMove, type CursorState } from '../../terminal/list-cursor.js';

const list = (count: number, extra: Partial<CursorList> = {}): CursorList => ({
  count,
  pageSize: 3,
  selectable: () => true,
  wrap: false,
  ...extra,
});
const run = (from: CursorState, on: CursorList, ...moves: CursorMove[]) =>
  moves.reduce((state, move) => listCursorReducer(state, { move, list: on }), from);
const TOP: CursorState = { index: 0, start: 0 };

test('the window follows the highlight and scrolls no further than it must', (t) => {
  t.deepEqual(run(TOP, list(10), 'down', 'down', 'down'), { index: 3, start: 1 });
  t.deepEqual(run(TOP, list(10), 'last', 'up', 'up', 'up'), { index: 6, start: 6 });
  t.deepEqual(run(TOP, list(10), 'page-down', 'page-down', 'page-down', 'page-down'), { index: 9, start: 7 });
});

test('rows that cannot be chosen are skipped, and the first row is left when it cannot be chosen', (t) => {
  const soldOut = list(4, { selectable: (index) => index !== 0 && index !== 2 });
  t.deepEqual(run(TOP, soldOut, 'fit'), { index: 1, start: 0 });
  t.is(run(TOP, soldOut, 'fit', 'down').index, 3);
  t.is(run(TOP, soldOut, 'fit', 'up').index, 1, 'nothing selectable above: it stays');
});

test('with wrap, ↓ on the last row goes to the first and ↑ on the first to the last', (t) => {
  t.deepEqual(run({ index: 2, start: 0 }, list(3, { wrap: true }), 'down'), { index: 0, start: 0 });
  t.deepEqual(run(TOP, list(5, { wrap: true }), 'up'), { index: 4, start: 2 });
  t.is(run(TOP, list(3), 'up').index, 0, 'without wrap it stays');
});

test('a row by number is highlighted only when the list has it; a shorter list pulls the highlight in', (t) => {
  t.is(run(TOP, list(5), { to: 3 }).index, 3);
  t.is(run(TOP, list(5), { to: 7 }).index, 0);
  t.is(run({ index: 8, start: 6 }, list(4), 'fit').index, 3);
  t.deepEqual(run(TOP, list(0), 'down'), TOP);
});
