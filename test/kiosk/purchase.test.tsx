/** Buying through the kiosk screens against a real center, and reading the card back (SPEC §2 steps 1-6; claims 12, 13, 19). */
import test from 'ava';
import { openCardReader } from '../../card/index.js';
import { mergeTickets } from '../../card/tickets.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { fillPurchase, kioskOnStack } from './kiosk-harness.js';

test('claim 13/19: two tickets bought, written, read back with this order marked, the buyer and the additional information', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  await createProduct(stack.admin, {
    name: 'Harbour Lights',
    venue: 'Pier 9',
    price: { currencyCode: 'EUR', amountMinor: 2750 },
    venueNotes: 'Bring a coat.',
    entryInstructions: 'Gate on the quay.',
  });
  const review = await fillPurchase(kiosk, { eventName: 'Harbour Lights', quantity: 2, name: 'Taro Yamada' });
  t.regex(review, /2 × €27\.50/);
  t.regex(review, /Total\s+€55\.00/);
  t.regex(review, /•••• •••• •••• 4242/);
  t.notRegex(review, /4242 4242/, 'the full number is not shown on review');

  await kiosk.press(KEY.enter);
  const done = await kiosk.waitFor('read back');
  t.is(done.match(/★ Harbour Lights/g)?.length, 2);
  t.regex(done, /Buyer Taro Yamada · Order ORD-/);
  t.regex(done, /Venue: Bring a coat\./);
  t.regex(done, /Entry: Gate on the quay\./);
  t.regex(done, /€55\.00 paid with/);

  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  const image = await (await reader.waitForCard()).readImage();
  await reader.close();
  t.is(image.tickets.length, 2);
  t.true(image.tickets.every((ticket) => ticket.buyerIdentification?.buyerName === 'Taro Yamada'));

  await kiosk.press(KEY.enter);
  await kiosk.waitFor('What would you like to do?');
});

test('the confirm key cannot submit twice: Enter pressed three times buys one order', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const product = await createProduct(stack.admin, { name: 'Single Shot', capacity: 10 });
  await fillPurchase(kiosk, { eventName: 'Single Shot', quantity: 1 });
  await kiosk.burst(KEY.enter, KEY.enter, KEY.enter);
  await kiosk.waitFor('read back');
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 9);
  t.is((await stack.admin.listOrders()).length, 1);
});

test('claim 13: the read-back opens on this order’s tickets even below six older ones on the card', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const older = await createProduct(stack.admin, { name: 'Older Show' });
  await createProduct(stack.admin, { name: 'Seventh Show' });
  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  const card = await reader.waitForCard();
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(older.id, { quantity: 6, cardId: card.id }));
  await card.writeImage(mergeTickets(await card.readImage(), purchase!.tickets));
  await reader.close();

  await fillPurchase(kiosk, { eventName: 'Seventh Show', quantity: 1 });
  await kiosk.press(KEY.enter);
  const done = await kiosk.waitFor('read back');
  t.regex(done, /★ Seventh Show/, 'the new ticket is on screen');
  t.regex(done, /↑ 2 more/);
  t.notRegex(done, /↓ \d+ more/);
});
