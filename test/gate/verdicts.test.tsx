/**
 * Each verdict's wording on the gate's screen, from a real center (claims 5,
 * 6, 9, 17, 23, 24): ADMIT or REJECTED, and a reason an attendant can act on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import test, { type ExecutionContext } from 'ava';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { when } from '../../gate/flow/reason-words.js';
import { KEY } from '../helpers/ink.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { blankCard, buyOnto } from './gate-fixtures.js';
import { presentCard, renderGate } from './render-gate.js';

const HOUR = 60 * 60 * 1000;

/** One ticket of a new product on a new card; `edit` may change the card afterwards. */
async function oneTicket(stack: Stack, product: Partial<CreateProductRequest> = {}) {
  const { spec, card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Jazz Night', ...product });
  return { spec, card, ticket: ticket! };
}

/** Presents the card, uses its first ticket, and returns the verdict screen. */
async function verdict(t: ExecutionContext, stack: Stack, spec: string, expected: string | RegExp): Promise<string> {
  const gate = await renderGate(t, stack.gate, spec);
  await presentCard(gate);
  await gate.press('1');
  await gate.press(KEY.enter);
  const frame = await gate.waitFor(expected);
  const lines = frame.split('\n');
  t.true(lines.length <= 24 && lines.every((line) => line.length <= 80), `fits 80x24:\n${frame}`);
  return frame;
}

/** Rewrites the card's only ticket, as someone editing the card's bytes would. */
async function editTicket(
  card: Awaited<ReturnType<typeof blankCard>>['card'],
  edit: (ticket: CardTicket) => void,
): Promise<void> {
  const image = await card.readImage();
  const ticket = structuredClone(image.tickets[0]!);
  edit(ticket);
  await card.writeImage({ ...image, tickets: [ticket] });
}

test('an already used ticket: REJECTED, used at which gate and when (claim 30)', async (t) => {
  const stack = await startStack(t);
  const { spec, card, ticket } = await oneTicket(stack);
  await stack.gate.redeemTicket({ gateId: 'G2', cardId: card.id, ticket, dryRun: false });
  const [first] = await stack.admin.listRedemptions();
  const frame = await verdict(t, stack, spec, 'REJECTED');
  t.true(frame.includes(`REJECTED — Already used at gate G2 at ${when(first!.redeemedAt!)}`));
  t.regex(frame, /Do not admit/);
  t.regex(frame, /✔ 0 admitted · ✖ 1 rejected/);
});

test('a ticket whose admission has not opened: REJECTED, valid from when', async (t) => {
  const stack = await startStack(t);
  const opensAt = new Date(Date.now() + 2 * HOUR);
  const { spec } = await oneTicket(stack, { startsAt: new Date(Date.now() + 3 * HOUR), admissionOpensAt: opensAt });
  const frame = await verdict(t, stack, spec, 'REJECTED');
  t.true(frame.includes(`REJECTED — Valid from ${when(opensAt)}`));
  t.regex(frame, /come back when admission opens/);
});

test('a ticket whose admission has closed: REJECTED, closed at when', async (t) => {
  const stack = await startStack(t);
  const closesAt = new Date(Date.now() - HOUR);
  const { spec } = await oneTicket(stack, {
    admissionOpensAt: new Date(Date.now() - 2 * HOUR),
    admissionClosesAt: closesAt,
  });
  t.true((await verdict(t, stack, spec, 'REJECTED')).includes(`REJECTED — Admission closed at ${when(closesAt)}`));
});

test('a ticket of a cancelled order: REJECTED, order cancelled', async (t) => {
  const stack = await startStack(t);
  const { spec, ticket } = await oneTicket(stack);
  await stack.admin.cancelOrder({ orderId: ticket.ticket!.orderId, reason: 'test' });
  t.regex(await verdict(t, stack, spec, 'REJECTED'), /REJECTED — Order cancelled/);
});

test('a card copied from another card: the menu warns and the verdict says the ticket was copied (claim 14)', async (t) => {
  const stack = await startStack(t);
  const original = await oneTicket(stack);
  const copy = await blankCard(stack, 'copy.card');
  const originalBytes = readFileSync(original.spec.slice('file:'.length));
  const copyBytes = readFileSync(copy.spec.slice('file:'.length));
  originalBytes.copy(copyBytes, 16, 16); // user memory only: the copy keeps its own UID
  writeFileSync(copy.spec.slice('file:'.length), copyBytes);
  const gate = await renderGate(t, stack.gate, copy.spec);
  t.true(
    (await presentCard(gate)).includes(`This card is a copy: its tickets were written for card ${original.card.id}`),
  );
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('REJECTED'), /REJECTED — This ticket was copied from another card/);
});

test('an edited ticket: REJECTED, altered (claim 9)', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await oneTicket(stack);
  await editTicket(card, (ticket) => (ticket.ticket!.seat = 'Row A, seat 1'));
  t.regex(await verdict(t, stack, spec, 'REJECTED'), /REJECTED — This ticket has been altered/);
});

test('edited buyer identification: REJECTED, buyer details do not match (claims 6, 9)', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await oneTicket(stack);
  await editTicket(card, (ticket) => (ticket.buyerIdentification!.buyerName = 'Someone Else'));
  t.regex(await verdict(t, stack, spec, 'REJECTED'), /REJECTED — The buyer details on the card do not match the order/);
});

test('a ticket the center never issued: REJECTED, not issued here', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await oneTicket(stack);
  await editTicket(card, (ticket) => (ticket.ticket!.ticketId = 'TKT-0000000000'));
  t.regex(await verdict(t, stack, spec, 'REJECTED'), /REJECTED — This ticket was not issued by this box office/);
});

test('a ticket for other gates: REJECTED, names the gate to use', async (t) => {
  const stack = await startStack(t);
  const { spec } = await oneTicket(stack, { gateIds: ['G7'] });
  const frame = await verdict(t, stack, spec, 'REJECTED');
  t.regex(frame, /REJECTED — Not valid at this gate: use gate G7/);
  t.regex(frame, /Send the buyer to the right gate/);
});

test('a valid ticket: ADMIT with the buyer name, then back to waiting by itself', async (t) => {
  const stack = await startStack(t);
  const { spec } = await oneTicket(stack);
  const gate = await renderGate(t, stack.gate, spec, { verdictSeconds: 1 });
  await presentCard(gate);
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('ADMIT'), /ADMIT — Hanako Yamada/);
  t.regex(await gate.waitFor('PRESENT A CARD'), /Since start: 1 admitted, 0 rejected/);
});
