/**
 * What the kiosk says when the center cannot serve it: down (a banner whose retry key types nothing
 * into a form field, and a review screen that says so before paying), or refusing this kiosk's token
 * (another role's, or revoked), said from start-up and never retried.
 */
import test from 'ava';
import { revokeTerminal } from '../../center/auth/tokens.js';
import { createProduct } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { fillPurchase, openEvent, chooseQuantity, renderKiosk } from './kiosk-harness.js';

const CTRL_R = '\u0012';

test('with the center down, the banner retries with Ctrl+R, which types nothing into the name field', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Form Outage' });
  const kiosk = await renderKiosk(t, stack.kiosk, { statusIntervalMs: 300 });
  await openEvent(kiosk, 'Form Outage');
  await chooseQuantity(kiosk);
  await kiosk.type('Ann');
  await kiosk.waitFor(/Name\s+Ann/);
  await stack.center.stop();
  const down = await kiosk.waitFor('cannot reach the sales center');
  t.regex(down, /Ctrl\+R: retry now/);
  t.notRegex(down, /\br: retry/);
  await kiosk.press(CTRL_R, 'x');
  t.regex(await kiosk.waitFor(/Name\s+Annx/), /Name\s+Annx\b/, 'Ctrl+R typed nothing; the next key still types');
});

test('the review screen says the center is down before the buyer pays, and Enter sends nothing', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Review Outage' });
  const kiosk = await renderKiosk(t, stack.kiosk, { statusIntervalMs: 300 });
  await fillPurchase(kiosk, { eventName: 'Review Outage' });
  await stack.center.stop();
  const review = await kiosk.waitFor('The sales center is not answering, so you cannot pay yet');
  t.notRegex(review, /Enter\s+confirm and pay/);
  await kiosk.press(KEY.enter);
  t.regex(kiosk.frame(), /Check and pay/);
  t.notRegex(kiosk.frame(), /could not find out whether the payment went through/);
});

test('a kiosk started with a gate token says so at once and does not retry', async (t) => {
  const stack = await startStack(t);
  const kiosk = await renderKiosk(t, stack.gate);
  const frame = await kiosk.waitFor('this is a gate token, not a kiosk token');
  t.regex(frame, /cardgate admin token create --role kiosk/);
  t.notRegex(frame, /retrying/);
});

test('a kiosk whose token was revoked says so and does not retry', async (t) => {
  const stack = await startStack(t);
  await revokeTerminal(stack.center.orm.em.fork(), 'kiosk-1');
  const kiosk = await renderKiosk(t, stack.client(stack.tokens.kiosk));
  const frame = await kiosk.waitFor('does not accept this terminal’s token (revoked or unknown)');
  t.notRegex(frame, /retrying/);
});
