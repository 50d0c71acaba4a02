/**
 * AnnulRedemption (SPEC §10): the gate that let a ticket through undoes it within 15 minutes, on
 * the center's injected clock; the entry no longer counts, the row stays, marked annulled.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import test from 'ava';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { TestClock } from '../helpers/clock.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack, type Stack } from '../helpers/stack.js';

const R = RejectReason;
const CARD = '04A1B2C3D4E5F6';
const MINUTE = 60_000;

async function setUp(t: Parameters<typeof startStack>[0], overrides: Parameters<typeof createProduct>[1] = {}) {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const product = await createProduct(stack.admin, overrides);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  return { stack, clock, ticket: purchase!.tickets[0]! };
}

const through = (stack: Stack, ticket: CardTicket, gateId: string, direction = Direction.DIRECTION_ENTRY) =>
  stack.gate.redeemTicket({ gateId, cardId: CARD, ticket, dryRun: false, direction });

const annul = (stack: Stack, ticket: CardTicket, gateId: string) =>
  stack.gate.annulRedemption({ gateId, ticketId: ticket.ticket!.ticketId });

async function refusal(t: Parameters<typeof startStack>[0], call: Promise<unknown>): Promise<ServiceError> {
  const error = await t.throwsAsync<ServiceError>(call);
  return error!;
}

test('the admitting gate undoes an admission within 15 minutes: the row stays annulled and the ticket admits again', async (t) => {
  const { stack, clock, ticket } = await setUp(t);
  t.true((await through(stack, ticket, 'G1')).admitted);
  clock.advance(14 * MINUTE);
  const undone = await annul(stack, ticket, 'G1');
  t.is(undone.gateId, 'G1');
  t.is(undone.entryNumber, 1);
  t.truthy(undone.annulledAt);
  const again = await through(stack, ticket, 'G2');
  t.true(again.admitted, 'the undone entry no longer counts');
  t.is(again.firstUsedGate, '', 'nor is it the first use');
  t.is((await through(stack, ticket, 'G3')).reason, R.REJECT_REASON_ALREADY_USED);
  const rows = await stack.admin.listRedemptions();
  t.deepEqual(
    rows.map((r) => [r.entryNumber, r.gateId, Boolean(r.annulledAt)]),
    [
      [2, 'G2', false],
      [1, 'G1', true],
    ],
    'nothing is deleted',
  );
});

test('after 15 minutes the admission can no longer be undone (FAILED_PRECONDITION)', async (t) => {
  const { stack, clock, ticket } = await setUp(t);
  await through(stack, ticket, 'G1');
  clock.advance(15 * MINUTE + 1_000);
  const error = await refusal(t, annul(stack, ticket, 'G1'));
  t.is(error.code, status.FAILED_PRECONDITION);
  t.regex(error.details, /more than 15 minutes/);
  t.is((await through(stack, ticket, 'G2')).reason, R.REJECT_REASON_ALREADY_USED);
});

test('another gate cannot undo the admission; it is told which gate can', async (t) => {
  const { stack, ticket } = await setUp(t);
  await through(stack, ticket, 'G1');
  const error = await refusal(t, annul(stack, ticket, 'G2'));
  t.is(error.code, status.FAILED_PRECONDITION);
  t.regex(error.details, /only gate G1 can undo it/);
  t.is((await through(stack, ticket, 'G2')).reason, R.REJECT_REASON_ALREADY_USED);
});

test('a second annulment is refused, also for a multi-entry ticket with an earlier entry', async (t) => {
  const { stack, ticket } = await setUp(t, { entriesPerTicket: 3 });
  await through(stack, ticket, 'G1');
  await through(stack, ticket, 'G1');
  await annul(stack, ticket, 'G1');
  const error = await refusal(t, annul(stack, ticket, 'G1'));
  t.is(error.code, status.FAILED_PRECONDITION);
  t.regex(error.details, /already undone/);
  const rows = await stack.admin.listRedemptions();
  t.deepEqual(
    rows.map((r) => Boolean(r.annulledAt)),
    [true, false],
    'the first entry still counts',
  );
  t.is((await through(stack, ticket, 'G1')).entriesLeft, 1);
});

test('of two concurrent annulments of one admission exactly one succeeds', async (t) => {
  const { stack, ticket } = await setUp(t);
  await through(stack, ticket, 'G1');
  const other = stack.client(stack.tokens.gate);
  const results = await Promise.allSettled([
    annul(stack, ticket, 'G1'),
    other.annulRedemption({ gateId: 'G1', ticketId: ticket.ticket!.ticketId }),
  ]);
  t.is(results.filter((r) => r.status === 'fulfilled').length, 1);
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  t.is((failed.reason as ServiceError).code, status.FAILED_PRECONDITION);
});

test('a ticket that never went through, or an unknown ticket, has nothing to undo (NOT_FOUND)', async (t) => {
  const { stack, ticket } = await setUp(t);
  const unused = await refusal(t, annul(stack, ticket, 'G1'));
  t.is(unused.code, status.NOT_FOUND);
  t.regex(unused.details, /has not been through any gate/);
  const unknown = await refusal(t, stack.gate.annulRedemption({ gateId: 'G1', ticketId: 'TKT-0000000000' }));
  t.is(unknown.code, status.NOT_FOUND);
});

test('an undone exit leaves the ticket inside: a re-entry product then refuses a second entry', async (t) => {
  const { stack, ticket } = await setUp(t, { allowReentry: true });
  await through(stack, ticket, 'G1');
  await through(stack, ticket, 'G5', Direction.DIRECTION_EXIT);
  t.is((await annul(stack, ticket, 'G5')).direction, Direction.DIRECTION_EXIT);
  t.is((await through(stack, ticket, 'G1')).reason, R.REJECT_REASON_ALREADY_USED);
  t.true((await through(stack, ticket, 'G5', Direction.DIRECTION_EXIT)).admitted);
  t.true((await through(stack, ticket, 'G1')).reentry);
});

test('only the last movement can be undone: after the ticket went out, its entry stays', async (t) => {
  const { stack, ticket } = await setUp(t);
  await through(stack, ticket, 'G1');
  await through(stack, ticket, 'G2', Direction.DIRECTION_EXIT);
  const error = await refusal(t, annul(stack, ticket, 'G1'));
  t.is(error.code, status.FAILED_PRECONDITION);
  t.regex(error.details, /gate G2/);
});

test('a kiosk may not annul (PERMISSION_DENIED)', async (t) => {
  const { stack, ticket } = await setUp(t);
  await through(stack, ticket, 'G1');
  const error = await refusal(t, stack.kiosk.annulRedemption({ gateId: 'G1', ticketId: ticket.ticket!.ticketId }));
  t.is(error.code, status.PERMISSION_DENIED);
});
