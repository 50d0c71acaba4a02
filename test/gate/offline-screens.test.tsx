/**
 * What the attendant sees (SPEC §9, §10): EXIT on every screen of an exit
 * gate, u ("not through") undoing an admission on line and off line, and a
 * gate that never reached the center refusing with a reason to act on.
 */
import { join } from 'node:path';
import test from 'ava';
import { when } from '../../gate/flow/reason-words.js';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import { OfflineGate } from '../../gate/offline/offline-gate.js';
import { CenterClient } from '../../terminal/center-client.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { blankCard, buyOnto, flat, deadAddress } from './gate-fixtures.js';
import { startNight, untilManifest } from './offline-night.js';
import { presentCard, renderGate } from './render-gate.js';

const title = (frame: string) => frame.split('\n')[0] ?? '';

test('an exit gate says EXIT on every screen and sends exits (SPEC §10)', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Rock Evening' });
  await stack.gate.redeemTicket({ gateId: 'G1', cardId: card.id, ticket: ticket!, dryRun: false });
  const offline = await OfflineGate.open({
    center: stack.gate,
    gateId: 'OUT',
    journalPath: join(stack.dir, 'out.journal'),
    pollMs: 200,
  });
  t.teardown(() => offline.close());
  const gate = await renderGate(t, stack.gate, spec, { gateId: 'OUT', direction: 'exit', offline });
  const waiting = await gate.waitFor('EXIT — PRESENT A CARD');
  t.regex(title(waiting), /gate OUT · EXIT · Waiting/);
  const menu = await presentCard(gate);
  t.regex(title(menu), /EXIT · Choose a ticket/);
  await gate.press(KEY.enter);
  const verdict = await gate.waitFor('ADMIT');
  t.regex(title(verdict), /EXIT · Verdict/);
  const [exit] = (await stack.admin.listRedemptions({ gateId: 'OUT' })).filter(
    (r) => r.ticketId === ticket!.ticket!.ticketId,
  );
  t.is(exit?.direction, Direction.DIRECTION_EXIT);
});

test('on line an admission writes its entry on the card; u — not through: the center annuls it (SPEC §9, §10)', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Rock Evening' });
  const offline = await OfflineGate.open({
    center: stack.gate,
    gateId: 'G1',
    journalPath: join(stack.dir, 'g1.journal'),
    pollMs: 200,
  });
  t.teardown(() => offline.close());
  const gate = await renderGate(t, stack.gate, spec, { offline });
  await presentCard(gate);
  await gate.press(KEY.enter);
  t.regex(flat(await gate.waitFor('ADMIT')), /u not through/);
  await waitUntil('the on-line admission’s entry on the card', async () => (await card.read()).entries?.length === 1);
  t.like((await card.read()).entries![0], { ticketId: ticket!.ticket!.ticketId, gateId: 'G1', direction: 'entry' });
  await gate.press('u');
  const undone = flat(await gate.waitFor('Undone'));
  t.regex(undone, /Undone at \d\d:\d\d: the entry no longer counts/);
  t.notRegex(undone, /u not through/);
  t.deepEqual((await card.read()).entries, [], 'the entry is off the card again');
  const [row] = await stack.admin.listRedemptions({ gateId: 'G1' });
  t.truthy(row?.annulledAt, 'the redemption stays, annulled');
  const again = await stack.gate.redeemTicket({ gateId: 'G1', cardId: card.id, ticket: ticket!, dryRun: true });
  t.true(again.admitted, 'the ticket admits again');
});

test('a gate that never reached the center refuses with what to do, under the OFFLINE banner (SPEC §9)', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  await buyOnto(stack, card, { name: 'Rock Evening' });
  const center = new CenterClient(await deadAddress(), stack.tokens.gate, { timeoutMs: 1_000 });
  t.teardown(() => center.close());
  const offline = await OfflineGate.open({
    center,
    gateId: 'G1',
    journalPath: join(stack.dir, 'new.journal'),
    pollMs: 200,
  });
  t.teardown(() => offline.close());
  const gate = await renderGate(t, center, spec, { offline, statusIntervalMs: 200 });
  await gate.waitFor('OFFLINE since');
  await presentCard(gate);
  await gate.press(KEY.enter);
  const verdict = flat(await gate.waitFor('REJECTED'));
  t.regex(verdict, /has not been able to reach the center yet/);
  t.regex(verdict, /Do not let the buyer in/);
  t.is(await offline.journal.pendingCount(), 0, 'nothing judged, nothing journaled');
});

test('u off line annuls the journal entry: it does not count, is never uploaded, and the ticket admits again (SPEC §9, §10)', async (t) => {
  const night = await startNight(t);
  const { spec, card } = await blankCard(night, 'buyer.card');
  const [ticket] = await night.buyOnto(card, { name: 'Rock Evening' });
  const g1 = await night.offlineGate('G1');
  await untilManifest(g1, (_, products) => products.includes(ticket!.ticket!.productId));
  const gate = await renderGate(t, night.gate, spec, { offline: g1 });
  await gate.waitFor('PRESENT A CARD');
  night.killCenter();
  await gate.waitFor('OFFLINE since');
  await presentCard(gate);
  await gate.press(KEY.enter);
  await gate.waitFor('OFFLINE verdict');
  await gate.press('u');
  t.regex(
    flat(await gate.waitFor('Undone')),
    /Undone in this gate’s journal: the entry does not count and will not be uploaded/,
  );
  t.is(await g1.journal.pendingCount(), 0);
  t.deepEqual((await card.read()).entries, [], 'the entry is off the card again');
  await gate.press(KEY.enter);
  await presentCard(gate);
  await gate.press(KEY.enter);
  t.regex(
    await gate.waitFor('ADMIT'),
    /ADMIT — Hanako Yamada/,
    'the buyer goes through this time, despite the entry on the card',
  );
});

test('an on-line gate shows the entry an off-line gate wrote on the card, before the center has heard of it (SPEC §9)', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Rock Evening', entriesPerTicket: 3 });
  const at = new Date();
  await card.addEntry!({ ticketId: ticket!.ticket!.ticketId, gateId: 'G2', at, direction: 'entry', reentry: false });
  const gate = await renderGate(t, stack.gate, spec);
  const menu = flat(await presentCard(gate));
  t.true(menu.includes(`✔ Valid here (3 entries left) · card: in at G2 ${when(at)}`), menu);
});
