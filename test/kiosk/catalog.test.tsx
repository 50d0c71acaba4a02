/** The catalog screen against a real center: navigation, sold-out rows, paging, live seats left (SPEC §2 step 1; claim 2). */
import test from 'ava';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { renderKiosk } from './kiosk-harness.js';

const HOUR = 60 * 60 * 1000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR);

test('arrow keys and j/k move the highlight; Enter opens the quantity of the highlighted event', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Alpha', startsAt: at(10) });
  await createProduct(stack.admin, { name: 'Bravo', startsAt: at(20) });
  await createProduct(stack.admin, { name: 'Charlie', startsAt: at(30) });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('› Alpha');
  await kiosk.press(KEY.down);
  await kiosk.waitFor('› Bravo');
  await kiosk.press('j');
  await kiosk.waitFor('› Charlie');
  await kiosk.press('k');
  await kiosk.waitFor('› Bravo');
  await kiosk.press(KEY.enter);
  const quantity = await kiosk.waitFor('How many tickets?');
  t.regex(quantity, /Bravo/);
});

test('a sold-out event is listed as SOLD OUT, skipped by the arrows and cannot be chosen', async (t) => {
  const stack = await startStack(t);
  const gone = await createProduct(stack.admin, { name: 'Gone Gig', capacity: 1, startsAt: at(10) });
  await createProduct(stack.admin, { name: 'Open Gig', startsAt: at(20) });
  await stack.kiosk.purchaseTickets(purchaseRequest(gone.id));
  const kiosk = await renderKiosk(t, stack.kiosk);
  await kiosk.press(KEY.enter);
  const frame = await kiosk.waitFor('› Open Gig');
  t.regex(frame, /Gone Gig.*SOLD OUT/);
  await kiosk.press(KEY.up, KEY.enter);
  await kiosk.waitFor('How many tickets?');
  t.regex(kiosk.frame(), /Open Gig/, 'Up stayed on the only selectable row');
});

test('seats left change on screen while it is open (WatchAvailability)', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { name: 'Live Gig', capacity: 50 });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor(/Live Gig.*\s50\n/);
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 3 }));
  const frame = await kiosk.waitFor(/Live Gig.*\s47\n/);
  t.notRegex(frame, /\s50\n/);
});

test('more events than fit on 24 lines: the list pages and says how many more there are', async (t) => {
  const stack = await startStack(t);
  for (let i = 1; i <= 14; i++)
    await createProduct(stack.admin, { name: `Event ${String(i).padStart(2, '0')}`, startsAt: at(i) });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await kiosk.press(KEY.enter);
  const first = await kiosk.waitFor('› Event 01');
  t.regex(first, /↓ 5 more/);
  t.notRegex(first, /Event 14/);
  t.true(first.split('\n').length <= 24 && first.split('\n').every((line) => line.length <= 80));
  await kiosk.press(KEY.pageDown);
  const paged = await kiosk.waitFor('› Event 10');
  t.regex(paged, /↑ \d+ more/);
  await kiosk.press(KEY.down, KEY.down, KEY.down, KEY.down);
  const last = await kiosk.waitFor('› Event 14');
  t.notRegex(last, /Event 01/);
});
