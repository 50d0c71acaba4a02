/** Idle timeout: a kiosk left half-way goes back to Home and forgets what was entered. */
import test from 'ava';
import { createProduct } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { chooseQuantity, fillBuyer, openEvent, renderKiosk } from './kiosk-harness.js';

test('left alone on the payment screen, the kiosk returns Home and the buyer and card data are gone', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Idle Night' });
  // Longer than any step of the way to the payment screen takes on a busy machine (at 1.5 s, the card
  // read on the quantity screen sometimes outlasted it under the full suite), short enough to wait for.
  const kiosk = await renderKiosk(t, stack.kiosk, { idleMs: 4_000 });
  await openEvent(kiosk, 'Idle Night');
  await chooseQuantity(kiosk);
  await fillBuyer(kiosk, 'Hanako');
  await kiosk.type('4242424242424242');
  await kiosk.waitFor('4242 4242 4242 4242');
  await kiosk.waitFor('What would you like to do?', 15_000);

  await openEvent(kiosk, 'Idle Night');
  const buyer = await chooseQuantity(kiosk);
  t.notRegex(buyer, /Name\s+Hanako/);
  t.regex(buyer, /e\.g\. Hanako Yamada/, 'the empty name field shows its example');
});
