/**
 * `cardgate monitor`'s dashboard against a real center (SPEC §10): after a scripted night — sales of
 * two products, admissions at two gates, refusals, an exit — its frame shows those numbers.
 */
import test from 'ava';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { TestClock } from '../helpers/clock.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { manifestOf } from '../helpers/offline-calls.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { renderMonitor } from './render-monitor.js';

const CARD = cardUid(7);

async function buy(stack: Stack, productId: string, quantity: number): Promise<CardTicket[]> {
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(productId, { cardId: CARD, quantity }));
  return purchase!.tickets;
}

const at = (stack: Stack, gateId: string, ticket: CardTicket, direction = Direction.DIRECTION_ENTRY) =>
  stack.gate.redeemTicket({ gateId, cardId: CARD, ticket, dryRun: false, direction });

/** The frame's line that starts with `start` (a product's or a gate's row). */
const row = (frame: string, start: string) => frame.split('\n').find((line) => line.startsWith(start)) ?? '';

test('SPEC §10: after a scripted night the dashboard shows sold, admitted, inside, entries and refusals per gate', async (t) => {
  const stack = await startStack(t);
  const hall = await createProduct(stack.admin, { name: 'Hall Concert', capacity: 50 });
  const club = await createProduct(stack.admin, { name: 'Club Night', capacity: 20, gateIds: ['G2'] });
  const monitor = renderMonitor(t, stack.admin);
  await monitor.waitFor('● live');

  const [h1, h2, h3] = await buy(stack, hall.id, 3);
  const [c1, c2] = await buy(stack, club.id, 2);
  t.true((await at(stack, 'G1', h1!)).admitted);
  t.true((await at(stack, 'G1', h2!)).admitted);
  t.true((await at(stack, 'G2', h3!)).admitted);
  t.true((await at(stack, 'G2', c1!)).admitted);
  t.false((await at(stack, 'G2', h1!)).admitted, 'a used ticket');
  t.false((await at(stack, 'G1', c2!)).admitted, 'a wrong gate');
  t.true((await at(stack, 'G2', h3!, Direction.DIRECTION_EXIT)).admitted, 'one exit');

  // Products: sold / capacity, admitted / sold, inside; gates: total entries, exits, refused.
  const frame = await monitor.waitFor(/Hall Concert +█+░+ 3\/50 +█+ 3\/3 +2\n[^]*G2 +[·▁-█]+ +\d +2 +1 +1\n/);
  t.regex(row(frame, 'Club Night'), /█+░+ 2\/20 +█+░+ 1\/2 +1$/);
  t.regex(row(frame, 'G1 '), / 2 +0 +1$/);
  t.regex(row(frame, 'Already used'), / 0 +1 +1$/, 'refusals by reason, per gate G1 G2 and all');
  t.regex(row(frame, 'Wrong gate'), / 1 +0 +1$/);
  t.regex(frame, /Refusals by reason since \d\d:\d\d:\d\d +G1 +G2 +all/);
  t.regex(frame, /Conflicts: 0/);
  // Gate presence is written in the background, so the gates line may come a poll later than the counts.
  await monitor.waitFor('Gates off line: none (2 known to the center)');
  const lines = frame.split('\n');
  t.true(lines.length <= 24, `${lines.length} lines`);
  t.true(
    lines.every((line) => line.length <= 80),
    'fits 80 columns',
  );
});

test('a crowded night still fits 80x24: each list shows what fits and says how many more there are', async (t) => {
  const stack = await startStack(t);
  const products = [];
  for (let i = 1; i <= 7; i++) products.push(await createProduct(stack.admin, { name: `Show ${i}`, capacity: 10 }));
  const monitor = renderMonitor(t, stack.admin);
  await monitor.waitFor('● live');
  const gates = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
  const tickets = await buy(stack, products[0]!.id, gates.length);
  for (const [i, gateId] of gates.entries()) t.true((await at(stack, gateId, tickets[i]!)).admitted);
  t.false((await at(stack, 'A1', tickets[1]!)).admitted);

  const frame = await monitor.waitFor(
    /Show 1 +█+░+ 6\/10 +█+ 6\/6 +6\n[^]*… and \d more products[^]*… and \d more gates[^]*Already used/,
  );
  t.regex(frame, /A1 +[·▁-█]+ +1 +1 +0 +1\n/);
  const lines = frame.split('\n');
  t.true(lines.length <= 23, `${lines.length} lines: one less than the terminal, so Ink does not scroll`);
  t.true(lines.every((line) => line.length <= 80));
});

test('SPEC §9: a gate the center has not heard from for a while is listed off line, with when it was last seen', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  await manifestOf(stack.gate, { gateId: 'North' });
  await manifestOf(stack.gate, { gateId: 'South' });
  const monitor = renderMonitor(t, stack.admin);
  await monitor.waitFor('Gates off line: none (2 known to the center)');
  clock.advance(60_000);
  await manifestOf(stack.gate, { gateId: 'South', pendingOffline: 3 });
  const frame = await monitor.waitFor(/Gates off line \(1\): North \(last seen \d\d:\d\d(:\d\d)?\)/);
  t.notRegex(frame, /South \(last seen/, 'the gate that still polls is on line');
});
