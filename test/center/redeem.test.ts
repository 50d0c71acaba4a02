/** RedeemTicket: the center compares the card's ticket with its database and records the entry (claims 4-5, 14-15, 23, 30). */
import test from 'ava';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { DAY, HOUR, TestClock } from '../helpers/clock.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack, type Stack } from '../helpers/stack.js';

const R = RejectReason;
const CARD = '04A1B2C3D4E5F6';

async function buy(
  stack: Stack,
  overrides: Parameters<typeof createProduct>[1] = {},
  quantity = 1,
): Promise<CardTicket[]> {
  const product = await createProduct(stack.admin, overrides);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity, cardId: CARD }));
  return purchase!.tickets;
}

const redeem = (stack: Stack, ticket: CardTicket, extra: { gateId?: string; cardId?: string; dryRun?: boolean } = {}) =>
  stack.gate.redeemTicket({
    gateId: extra.gateId ?? 'G1',
    cardId: extra.cardId ?? CARD,
    ticket,
    dryRun: extra.dryRun ?? false,
  });

const clone = (ticket: CardTicket): CardTicket => structuredClone(ticket);

test('a valid ticket admits once, then ALREADY_USED says when and at which gate (claims 4, 5)', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack);
  const first = await redeem(stack, ticket!, { gateId: 'G2' });
  t.true(first.admitted);
  const second = await redeem(stack, ticket!, { gateId: 'G3' });
  t.false(second.admitted);
  t.is(second.reason, R.REJECT_REASON_ALREADY_USED);
  t.is(second.firstUsedGate, 'G2');
  t.truthy(second.firstUsedAt);
  t.regex(second.message, /gate G2/);
  const redemptions = await stack.admin.listRedemptions();
  t.is(redemptions.length, 1);
  t.is(redemptions[0]!.gateId, 'G2');
});

test('a dry run answers like a redemption but records nothing', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack);
  t.true((await redeem(stack, ticket!, { dryRun: true })).admitted);
  t.true((await redeem(stack, ticket!, { dryRun: true })).admitted);
  t.is((await stack.admin.listRedemptions()).length, 0);
  t.true((await redeem(stack, ticket!)).admitted);
});

test('of 25 concurrent redemptions of one ticket exactly one admits (claim 30)', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack);
  const gates = Array.from({ length: 25 }, () => stack.client(stack.tokens.gate));
  const results = await Promise.all(
    gates.map((gate, i) => gate.redeemTicket({ gateId: `G${i}`, cardId: CARD, ticket: ticket!, dryRun: false })),
  );
  t.is(results.filter((r) => r.admitted).length, 1);
  t.true(results.filter((r) => !r.admitted).every((r) => r.reason === R.REJECT_REASON_ALREADY_USED));
  t.is((await stack.admin.listRedemptions()).length, 1);
});

test('a ticket for several entries admits that many times', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack, { entriesPerTicket: 3 });
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await redeem(stack, ticket!, { gateId: `G${i + 1}` }));
  t.deepEqual(
    answers.map((a) => a.admitted),
    [true, true, true, false],
  );
  t.deepEqual(
    answers.slice(0, 3).map((a) => a.entriesLeft),
    [2, 1, 0],
  );
  // From the second entry on, the gate also learns when and where the ticket was first used.
  t.deepEqual(
    answers.map((a) => a.firstUsedGate),
    ['', 'G1', 'G1', 'G1'],
  );
  t.deepEqual(
    answers.slice(1).map((a) => a.firstUsedAt?.getTime()),
    Array(3).fill(answers[1]!.firstUsedAt!.getTime()),
  );
  t.is(answers[3]!.reason, R.REJECT_REASON_ALREADY_USED);
});

test('an unknown ticket id is UNKNOWN_TICKET', async (t) => {
  const stack = await startStack(t);
  const ticket = clone((await buy(stack))[0]!);
  ticket.ticket!.ticketId = 'TKT-0000000000';
  t.is((await redeem(stack, ticket)).reason, R.REJECT_REASON_UNKNOWN_TICKET);
});

test('a ticket presented on another card is WRONG_CARD (claim 14: a copied card)', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack);
  t.is((await redeem(stack, ticket!, { cardId: '04FFFFFFFFFFFF' })).reason, R.REJECT_REASON_WRONG_CARD);
});

test('an edited ticket field is TAMPERED', async (t) => {
  const stack = await startStack(t);
  const ticket = clone((await buy(stack))[0]!);
  ticket.ticket!.seat = 'Royal box';
  t.is((await redeem(stack, ticket)).reason, R.REJECT_REASON_TAMPERED);
});

test('an edited buyer name is BUYER_MISMATCH', async (t) => {
  const stack = await startStack(t);
  const ticket = clone((await buy(stack))[0]!);
  ticket.buyerIdentification!.buyerName = 'Somebody Else';
  t.is((await redeem(stack, ticket)).reason, R.REJECT_REASON_BUYER_MISMATCH);
});

test('a forged signature over unchanged fields is TAMPERED', async (t) => {
  const stack = await startStack(t);
  const ticket = clone((await buy(stack))[0]!);
  ticket.signature = Buffer.from(ticket.signature);
  ticket.signature[10]! ^= 0xff;
  t.is((await redeem(stack, ticket)).reason, R.REJECT_REASON_TAMPERED);
});

test('WRONG_CARD comes before TAMPERED when both apply', async (t) => {
  const stack = await startStack(t);
  const ticket = clone((await buy(stack))[0]!);
  ticket.ticket!.seat = 'Royal box';
  t.is((await redeem(stack, ticket, { cardId: '04FFFFFFFFFFFF' })).reason, R.REJECT_REASON_WRONG_CARD);
});

test('a ticket of a cancelled order is CANCELLED', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack);
  await stack.admin.cancelOrder({ orderId: ticket!.ticket!.orderId, reason: 'refund' });
  t.is((await redeem(stack, ticket!)).reason, R.REJECT_REASON_CANCELLED);
});

test('before admission opens a ticket is NOT_YET_VALID with the opening time', async (t) => {
  const stack = await startStack(t);
  const opensAt = new Date(Date.now() + 2 * HOUR);
  const [ticket] = await buy(stack, { startsAt: new Date(Date.now() + 3 * HOUR), admissionOpensAt: opensAt });
  const answer = await redeem(stack, ticket!);
  t.is(answer.reason, R.REJECT_REASON_NOT_YET_VALID);
  t.deepEqual(answer.validFrom, opensAt);
});

test('more than 24 hours after the start a ticket is EXPIRED', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const [ticket] = await buy(stack, { startsAt: new Date(Date.now() + HOUR) });
  clock.advance(HOUR + DAY + 60_000);
  t.is((await redeem(stack, ticket!)).reason, R.REJECT_REASON_EXPIRED);
});

test('a ticket admits within its window and not at a gate it is not valid for', async (t) => {
  const stack = await startStack(t);
  const [ticket] = await buy(stack, { gateIds: ['North'] });
  t.is((await redeem(stack, ticket!, { gateId: 'South', dryRun: true })).reason, R.REJECT_REASON_WRONG_GATE);
  t.true((await redeem(stack, ticket!, { gateId: 'North' })).admitted);
});

test('CheckTickets answers for every ticket of a card at once without recording', async (t) => {
  const stack = await startStack(t);
  const tickets = await buy(stack, {}, 3);
  await redeem(stack, tickets[1]!);
  const results = await stack.gate.checkTickets({ gateId: 'G1', cardId: CARD, tickets });
  t.deepEqual(
    results.map((r) => r.admitted),
    [true, false, true],
  );
  t.is(results[1]!.reason, R.REJECT_REASON_ALREADY_USED);
  t.is((await stack.admin.listRedemptions()).length, 1);
});

test('a kiosk checks its card without a gate id: states without WRONG_GATE', async (t) => {
  const stack = await startStack(t);
  const tickets = await buy(stack, { gateIds: ['North'] }, 2);
  await redeem(stack, tickets[0]!, { gateId: 'North' });
  const results = await stack.kiosk.checkTickets({ gateId: '', cardId: CARD, tickets });
  t.deepEqual(
    results.map((r) => r.reason),
    [R.REJECT_REASON_ALREADY_USED, R.REJECT_REASON_UNSPECIFIED],
  );
});
