/** The card-testing rule alone (center/sales/decline-guard.ts), with the clock passed in. */
import test from 'ava';
import { DeclineGuard } from '../../center/sales/decline-guard.js';

const MINUTE = 60_000;
const START = Date.parse('2026-03-15T12:00:00Z');
const at = (minutes: number) => new Date(START + minutes * MINUTE);
const rule = { limit: 3, windowMs: 10 * MINUTE };

test('limit declines within the window hold the terminal for one window from the last of them', (t) => {
  const guard = new DeclineGuard(rule);
  t.like(guard.noteDecline('K1', at(0)), { startsHold: false, count: 1 });
  t.like(guard.noteDecline('K1', at(4)), { startsHold: false, count: 2 });
  t.is(guard.heldUntil('K1', at(5)), undefined, 'two declines: still selling');
  t.like(guard.noteDecline('K1', at(6)), { startsHold: true, count: 3 });
  t.deepEqual(guard.heldUntil('K1', at(6)), at(16));
  t.deepEqual(guard.heldUntil('K1', at(15.9)), at(16));
  t.is(guard.heldUntil('K1', at(16)), undefined, 'the cool-down is over');
});

test('declines spread wider than the window never hold the terminal', (t) => {
  const guard = new DeclineGuard(rule);
  for (let minute = 0; minute < 60; minute += 6) {
    t.false(guard.noteDecline('K1', at(minute)).startsHold, `decline at minute ${minute}`);
    t.is(guard.heldUntil('K1', at(minute)), undefined);
  }
});

test('after a cool-down the count starts afresh', (t) => {
  const guard = new DeclineGuard(rule);
  for (const minute of [0, 1, 2]) guard.noteDecline('K1', at(minute));
  t.truthy(guard.heldUntil('K1', at(3)));
  t.like(guard.noteDecline('K1', at(13)), { startsHold: false, count: 1 });
  t.is(guard.heldUntil('K1', at(13)), undefined);
});

test('a hold starts once: declines of sales in flight during it neither count nor extend it', (t) => {
  const guard = new DeclineGuard(rule);
  for (const minute of [0, 1, 2]) guard.noteDecline('K1', at(minute));
  t.false(guard.noteDecline('K1', at(2.5)).startsHold);
  t.false(guard.noteDecline('K1', at(3)).startsHold);
  t.deepEqual(guard.heldUntil('K1', at(3)), at(12));
});

test('terminals are counted apart', (t) => {
  const guard = new DeclineGuard(rule);
  for (const minute of [0, 1, 2]) guard.noteDecline('K1', at(minute));
  guard.noteDecline('K2', at(2));
  t.truthy(guard.heldUntil('K1', at(3)));
  t.is(guard.heldUntil('K2', at(3)), undefined);
});

test('a limit of 0 turns the defence off', (t) => {
  const guard = new DeclineGuard({ limit: 0, windowMs: 10 * MINUTE });
  for (let i = 0; i < 100; i++) t.false(guard.noteDecline('K1', at(i / 100)).startsHold);
  t.is(guard.heldUntil('K1', at(1)), undefined);
});
