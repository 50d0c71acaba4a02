/** The gate's state machine and words as pure functions: what each key and answer leads to. */
import test from 'ava';
import type { Card } from '../../card/card.js';
import { Direction, RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { blockRows } from '../../gate/components/block-font.js';
import { gateReducer, initialGateState, type GateState, type PresentedCard } from '../../gate/flow/gate-state.js';
import { reasonWords, when } from '../../gate/flow/reason-words.js';
import { sampleTicket } from '../helpers/card-fixtures.js';

const answer = (admitted: boolean, extra: Partial<RedeemTicketResponse> = {}): RedeemTicketResponse => ({
  admitted,
  reason: admitted ? RejectReason.REJECT_REASON_UNSPECIFIED : RejectReason.REJECT_REASON_ALREADY_USED,
  message: '',
  firstUsedAt: undefined,
  firstUsedGate: '',
  entriesLeft: 0,
  validFrom: undefined,
  validUntil: undefined,
  direction: Direction.DIRECTION_ENTRY,
  reentry: false,
  ...extra,
});
const card: PresentedCard = {
  cardId: 'C',
  imageCardId: 'C',
  copied: false,
  tickets: [sampleTicket(1), sampleTicket(2), sampleTicket(3)],
  checks: [answer(false), answer(true), answer(true)],
};

const run = (...actions: Parameters<typeof gateReducer>[1][]): GateState =>
  actions.reduce(gateReducer, initialGateState);

test('the menu opens on the first ticket the center says is usable', (t) => {
  const state = run({ type: 'present' }, { type: 'read', card });
  t.deepEqual(state.phase, { kind: 'menu', card, highlighted: 1 });
});

test('a real answer is counted and its verdict goes back to waiting; a check-only answer is not counted and goes back to the menu', (t) => {
  const menu = [{ type: 'present' }, { type: 'read', card }] as const;
  const used = run(
    ...menu,
    { type: 'ask', dryRun: false },
    { type: 'answered', outcome: { kind: 'answer', response: answer(true) } },
  );
  t.is(used.admitted, 1);
  t.is(gateReducer(used, { type: 'back' }).phase.kind, 'waiting');
  const checked = run(
    ...menu,
    { type: 'ask', dryRun: true },
    { type: 'answered', outcome: { kind: 'answer', response: answer(false) } },
  );
  t.deepEqual([checked.admitted, checked.rejected], [0, 0]);
  t.is(gateReducer(checked, { type: 'back' }).phase.kind, 'menu');
});

test('no answer from the center admits nothing, counts nothing, and can be asked again', (t) => {
  const state = run(
    { type: 'present' },
    { type: 'read', card },
    { type: 'ask', dryRun: false },
    { type: 'answered', outcome: { kind: 'unreachable', problem: 'down' } },
  );
  t.deepEqual([state.admitted, state.rejected, state.phase.kind], [0, 0, 'verdict']);
  t.is(gateReducer(state, { type: 'ask', dryRun: false }).phase.kind, 'asking');
});

test('a question already sent is not abandoned by Esc', (t) => {
  const asking = run({ type: 'present' }, { type: 'read', card }, { type: 'ask', dryRun: false });
  t.is(gateReducer(asking, { type: 'back' }).phase.kind, 'asking');
});

test('a card taken off while it is read, or after it could not be read, leaves the gate waiting for the next card', (t) => {
  t.is(run({ type: 'present' }, { type: 'removed' }).phase.kind, 'waiting');
  t.is(
    run({ type: 'present' }, { type: 'read-failed', message: 'not a Cardgate card' }, { type: 'removed' }).phase.kind,
    'waiting',
  );
  t.is(
    run({ type: 'present' }, { type: 'removed' }, { type: 'read', card }).phase.kind,
    'waiting',
    "the abandoned read's result is dropped",
  );
});

test('a card a reader with events reports is the one read; one it cannot use is refused at once, from waiting only', (t) => {
  const presented = { id: 'C' } as Card;
  t.deepEqual(run({ type: 'present', card: presented }).phase, { kind: 'reading', card: presented });
  t.deepEqual(run({ type: 'unusable', message: 'not a Cardgate card' }).phase, {
    kind: 'card-error',
    message: 'not a Cardgate card',
  });
  t.is(run({ type: 'present' }, { type: 'unusable', message: 'late' }).phase.kind, 'reading');
});

test('ALREADY_USED names the gate and the time, with the date when it was another day', (t) => {
  const now = new Date(2026, 10, 25, 20, 0);
  t.is(
    reasonWords(answer(false, { firstUsedGate: 'G2', firstUsedAt: new Date(2026, 10, 25, 19, 2) }), now),
    'Already used at gate G2 at 19:02',
  );
  t.is(when(new Date(2026, 10, 24, 19, 2), now), 'Tue 24 Nov 19:02');
});

test('block letters: every row of a word has the same width and fits 80 columns', (t) => {
  for (const word of ['ADMIT', 'REJECTED', 'NOT VALID', 'NO ANSWER', 'VALID']) {
    const rows = blockRows(word);
    t.is(rows.length, 5);
    t.is(new Set(rows.map((row) => row.length)).size, 1, word);
    t.true(rows[0]!.length <= 76, word);
  }
});
