/**
 * The kiosk never offers an event whose sales have closed (SPEC §3: at sales_close_at, else at the start):
 * the buyer used to type everything and pay, only to read "Sales have closed". The kiosk's rule
 * (kiosk/sales-window.ts) is held to the center's, which stays the judge.
 */
import test from 'ava';
import { SalesChange } from '../../gen/cardgate/v1/admin.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { salesClosed } from '../../kiosk/sales-window.js';
import { HOUR, TestClock } from '../helpers/clock.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { fillPurchase, renderKiosk } from './kiosk-harness.js';

test('events whose sales have closed are not listed, and the kiosk agrees with the center on which (claim 2)', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const at = (hours: number) => new Date(clock.now().getTime() + hours * HOUR);
  const products = [
    await createProduct(stack.admin, { name: 'Early Close', startsAt: at(48), salesCloseAt: at(1) }),
    await createProduct(stack.admin, { name: 'Starts Soon', startsAt: at(1.5) }),
    await createProduct(stack.admin, { name: 'Still Open', startsAt: at(48) }),
    await createProduct(stack.admin, { name: 'Closes Later', startsAt: at(48), salesCloseAt: at(3) }),
  ];
  clock.advance(2 * HOUR);

  const kiosk = await renderKiosk(t, stack.kiosk, { clock: clock.now });
  await kiosk.press(KEY.enter);
  const catalog = await kiosk.waitFor('› Still Open');
  t.regex(catalog, /Closes Later/);
  t.notRegex(catalog, /Early Close|Starts Soon/);

  for (const product of products) {
    const outcome = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
    const centerClosed = outcome.unavailable?.reason === UnavailabilityReason.UNAVAILABILITY_REASON_SALES_CLOSED;
    t.is(salesClosed(product, clock.now()), centerClosed, `${product.name}: the kiosk decides as the center does`);
  }
});

test('the quantity screen says sales have just closed instead of offering to continue', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  await createProduct(stack.admin, {
    name: 'Last Call',
    startsAt: new Date(Date.now() + 48 * HOUR),
    salesCloseAt: new Date(Date.now() + HOUR),
  });
  const kiosk = await renderKiosk(t, stack.kiosk, { clock: clock.now });
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('› Last Call');
  await kiosk.press(KEY.enter);
  await kiosk.waitFor(/Tickets: ◀ 1 ▶/);
  clock.advance(2 * HOUR);
  const closed = await kiosk.waitFor('Sales for this event have just closed');
  t.notRegex(closed, /Enter\s+continue/);
  await kiosk.press(KEY.enter);
  t.notRegex(kiosk.frame(), /Your details/);
});

test('sales closing while the buyer checks the order: the review offers another event instead of paying', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  await createProduct(stack.admin, { name: 'Other Show' });
  await createProduct(stack.admin, {
    name: 'Last Call',
    startsAt: new Date(Date.now() + 48 * HOUR),
    salesCloseAt: new Date(Date.now() + HOUR),
  });
  const kiosk = await renderKiosk(t, stack.kiosk, { clock: clock.now });
  await fillPurchase(kiosk, { eventName: 'Last Call' });
  clock.advance(2 * HOUR);
  const closed = await kiosk.waitFor('Sales for this event closed while you were checking. Nothing was charged.');
  t.notRegex(closed, /confirm and pay/);
  await kiosk.press(KEY.enter);
  const catalog = await kiosk.waitFor('Choose an event');
  t.regex(catalog, /Other Show/);
  t.notRegex(catalog, /Last Call/);
  t.deepEqual(await stack.admin.listOrders(), [], 'nothing was sent to the center');
});

test('an operator closing sales reaches a buyer on the review screen at once (issue 18)', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { name: 'Closing Now' });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await fillPurchase(kiosk, { eventName: 'Closing Now' });
  await stack.admin.updateProduct({ productId: product.id, sales: SalesChange.SALES_CHANGE_CLOSE });
  await kiosk.waitFor('Sales for this event closed while you were checking.');
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Choose an event');
  t.deepEqual(await stack.admin.listOrders(), []);
});
