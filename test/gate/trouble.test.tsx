/** What the gate says when something is wrong: the center unreachable (nothing admitted), a card it cannot read, an empty card. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { revokeTerminal } from '../../center/auth/tokens.js';
import { CenterClient } from '../../terminal/center-client.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { blankCard, buyOnto, flat, deadAddress } from './gate-fixtures.js';
import { presentCard, renderGate } from './render-gate.js';

test('with the center unreachable the gate says so plainly and admits nothing', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  await buyOnto(stack, card, { name: 'Jazz Night' });
  const address = await deadAddress();
  const center = new CenterClient(address, stack.tokens.gate, { timeoutMs: 2_000 });
  t.teardown(() => center.close());
  const gate = await renderGate(t, center, spec, { statusIntervalMs: 200 });
  const waiting = await gate.waitFor('UNREACHABLE');
  t.regex(waiting, /Sales center: UNREACHABLE: nothing can be admitted/);
  t.true(flat(waiting).includes(`cannot reach the sales center at ${address}`));
  const menu = await presentCard(gate);
  t.true(
    flat(menu).includes(`The sales center at ${address} did not answer. Nothing can be admitted until it answers.`),
  );
  t.regex(menu, /\? Not checked/);
  await gate.press(KEY.enter);
  const verdict = await gate.waitFor('NO ANSWER');
  t.regex(verdict, /NO ANSWER — nothing was admitted/);
  t.regex(verdict, /Do not let the buyer in yet/);
  t.notRegex(verdict, /ADMIT/);
  t.regex(verdict, /✔ 0 admitted · ✖ 0 rejected/);
  t.is((await stack.admin.listRedemptions()).length, 0);
  await gate.press(KEY.escape);
  await gate.waitFor('Choose a ticket');
  t.is((await stack.admin.listRedemptions()).length, 0);
});

test('a file that is not a card: the card could not be read, and why', async (t) => {
  const stack = await startStack(t);
  const path = join(stack.dir, 'notes.txt');
  writeFileSync(path, 'not a card at all');
  const gate = await renderGate(t, stack.gate, `file:${path}`);
  await gate.waitFor('PRESENT A CARD');
  await gate.press(KEY.space);
  const frame = await gate.waitFor('could not be read');
  t.regex(frame, /is not a virtual card file/);
  t.regex(frame, /Nothing was admitted/);
  await gate.press(KEY.escape);
  await gate.waitFor('PRESENT A CARD');
});

test('a card without tickets says so and Enter uses nothing', async (t) => {
  const stack = await startStack(t);
  const { spec } = await blankCard(stack);
  const gate = await renderGate(t, stack.gate, spec);
  t.regex(await presentCard(gate), /This card holds no tickets/);
  await gate.press(KEY.enter);
  t.regex(gate.frame(), /This card holds no tickets/);
  await gate.press(KEY.escape);
  await gate.waitFor('PRESENT A CARD');
});

test('a full card with the center unreachable still fits 80x24, scrolling its tickets', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  await buyOnto(stack, card, { name: 'Jazz Night' }, 10);
  const center = new CenterClient(await deadAddress(), stack.tokens.gate, { timeoutMs: 2_000 });
  t.teardown(() => center.close());
  const gate = await renderGate(t, center, spec, { statusIntervalMs: 200 });
  await gate.waitFor('UNREACHABLE');
  const menu = await presentCard(gate);
  const lines = menu.split('\n');
  t.true(lines.length <= 24 && lines.every((line) => line.length <= 80), menu);
  t.regex(menu, /↓ 6 more/);
  for (let i = 0; i < 9; i++) await gate.press(KEY.down);
  t.regex(await gate.waitFor(/^▶\s+10 /m), /↑ 6 more/);
});

test('a gate whose token was revoked says so and stops retrying; a kiosk token is named as such', async (t) => {
  const stack = await startStack(t);
  const { spec } = await blankCard(stack);
  await revokeTerminal(stack.center.orm.em.fork(), 'gate-1');
  let asked = 0;
  const center = stack.client(stack.tokens.gate);
  const whoAmI = center.whoAmI.bind(center);
  center.whoAmI = () => (asked++, whoAmI());
  const gate = await renderGate(t, center, spec, { statusIntervalMs: 100 });
  const waiting = await gate.waitFor('REFUSES THIS GATE’S TOKEN');
  t.true(flat(waiting).includes('does not accept this terminal’s token (revoked or unknown)'));
  t.notRegex(waiting, /retrying/);
  const askedThen = asked;
  await new Promise((resolve) => setTimeout(resolve, 500)); // five intervals: a poll would have asked again
  t.is(asked, askedThen, 'no more WhoAmI calls once the token was refused');

  const withKioskToken = await renderGate(t, stack.kiosk, spec);
  t.true(flat(await withKioskToken.waitFor('not a gate token')).includes('this is a kiosk token, not a gate token'));
});

test('the banner retries with Ctrl+R, so it never clashes with the menu’s r (re-read)', async (t) => {
  const stack = await startStack(t);
  const { spec } = await blankCard(stack);
  const center = new CenterClient(await deadAddress(), stack.tokens.gate, { timeoutMs: 1_000 });
  t.teardown(() => center.close());
  const gate = await renderGate(t, center, spec, { statusIntervalMs: 200 });
  const waiting = await gate.waitFor('UNREACHABLE');
  t.regex(flat(waiting), /Ctrl\+R: retry now/);
  t.notRegex(flat(waiting), /\(r: retry now\)/);
});
