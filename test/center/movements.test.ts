/**
 * Exits and re-entry (SPEC §10) through RedeemTicket on a real center: what a gate attendant sees
 * over a night of a ticket going in and out, and that of concurrent movements of one ticket
 * exactly one wins (claim 30: one admission per entry).
 */
import test from 'ava';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack, type Stack } from '../helpers/stack.js';

const R = RejectReason;
const CARD = '04A1B2C3D4E5F6';

async function buy(stack: Stack, overrides: Parameters<typeof createProduct>[1] = {}): Promise<CardTicket> {
  const product = await createProduct(stack.admin, overrides);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  return purchase!.tickets[0]!;
}

const through = (stack: Stack, ticket: CardTicket, way: 'in' | 'out', gateId = 'G1') =>
  stack.gate.redeemTicket({
    gateId,
    cardId: CARD,
    ticket,
    dryRun: false,
    direction: way === 'in' ? Direction.DIRECTION_ENTRY : Direction.DIRECTION_EXIT,
  });

test('a product with allow_reentry admits again after each exit, and refuses a second entry without one', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack, { allowReentry: true });
  t.true((await stack.gate.getProduct(ticket.ticket!.productId)).allowReentry);
  const night = [];
  for (const way of ['in', 'in', 'out', 'out', 'in', 'out', 'in'] as const)
    night.push(await through(stack, ticket, way));
  t.deepEqual(
    night.map((a) => (a.admitted ? (a.reentry ? 'back in' : 'ok') : R[a.reason])),
    ['ok', 'REJECT_REASON_ALREADY_USED', 'ok', 'REJECT_REASON_NOT_INSIDE', 'back in', 'ok', 'back in'],
  );
  t.is(night[2]!.direction, Direction.DIRECTION_EXIT);
  t.regex(night[4]!.message, /Welcome back/);
  t.regex(night[3]!.message, /Not inside/);
  const rows = await stack.admin.listRedemptions();
  t.deepEqual(
    rows.map((r) => [r.entryNumber, r.direction, r.reentry]),
    [
      [5, Direction.DIRECTION_ENTRY, true],
      [4, Direction.DIRECTION_EXIT, false],
      [3, Direction.DIRECTION_ENTRY, true],
      [2, Direction.DIRECTION_EXIT, false],
      [1, Direction.DIRECTION_ENTRY, false],
    ],
  );
});

test('without allow_reentry an exit lets the ticket out but not back in', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  t.true((await through(stack, ticket, 'in')).admitted);
  const out = await through(stack, ticket, 'out', 'G9');
  t.true(out.admitted);
  t.regex(out.message, /Goodbye/);
  const back = await through(stack, ticket, 'in', 'G2');
  t.is(back.reason, R.REJECT_REASON_ALREADY_USED);
  t.is(back.firstUsedGate, 'G1');
});

test('an exit of a ticket that never came in is NOT_INSIDE and records nothing', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const out = await through(stack, ticket, 'out');
  t.false(out.admitted);
  t.is(out.reason, R.REJECT_REASON_NOT_INSIDE);
  t.is((await stack.admin.listRedemptions()).length, 0);
});

test('CheckTickets in exit mode says which tickets may go out, recording nothing', async (t) => {
  const stack = await startStack(t);
  const inside = await buy(stack);
  const outside = await buy(stack);
  await through(stack, inside, 'in');
  const results = await stack.gate.checkTickets({
    gateId: 'G1',
    cardId: CARD,
    tickets: [inside, outside],
    direction: Direction.DIRECTION_EXIT,
  });
  t.deepEqual(
    results.map((r) => r.admitted),
    [true, false],
  );
  t.is(results[1]!.reason, R.REJECT_REASON_NOT_INSIDE);
  t.is((await stack.admin.listRedemptions()).length, 1);
});

test('of concurrent entries of one re-entry ticket at two gates after an exit, exactly one gets in (claim 30)', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack, { allowReentry: true });
  const gates = [stack.gate, stack.client(stack.tokens.gate)];
  for (let round = 0; round < 10; round++) {
    const answers = await Promise.all(gates.map((gate, i) => gate.redeemTicket(entryAt(ticket, `G${i + 1}`))));
    t.is(answers.filter((a) => a.admitted).length, 1, `round ${round}: one of the two gates admits`);
    t.true(answers.filter((a) => !a.admitted).every((a) => a.reason === R.REJECT_REASON_ALREADY_USED));
    t.true((await through(stack, ticket, 'out', 'G3')).admitted, `round ${round}: the one inside goes out`);
  }
  const rows = await stack.admin.listRedemptions({ limit: 1000 });
  t.is(rows.filter((r) => r.direction === Direction.DIRECTION_ENTRY).length, 10);
  t.is(rows.filter((r) => r.reentry).length, 9);
});

test('of concurrent first entries of one ticket at two gates exactly one admits, and one exit follows (claim 30)', async (t) => {
  const stack = await startStack(t);
  const tickets = await Promise.all(Array.from({ length: 8 }, () => buy(stack)));
  const other = stack.client(stack.tokens.gate);
  for (const ticket of tickets) {
    const answers = await Promise.all([
      stack.gate.redeemTicket(entryAt(ticket, 'G1')),
      other.redeemTicket(entryAt(ticket, 'G2')),
    ]);
    t.is(answers.filter((a) => a.admitted).length, 1);
    const exits = await Promise.all([through(stack, ticket, 'out', 'G3'), through(stack, ticket, 'out', 'G4')]);
    t.is(exits.filter((a) => a.admitted).length, 1, 'two exits at once: one goes out, the other is NOT_INSIDE');
    t.true(exits.some((a) => a.reason === R.REJECT_REASON_NOT_INSIDE));
  }
});

const entryAt = (ticket: CardTicket, gateId: string) => ({
  gateId,
  cardId: CARD,
  ticket,
  dryRun: false,
  direction: Direction.DIRECTION_ENTRY,
});
