/** Recover an order: order id and buyer name → GetOrder → the tickets written to their card (SPEC §3 GetOrder; claim 13). */
import test from 'ava';
import { openCardReader } from '../../card/index.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { kioskOnStack, recoverOrder } from './kiosk-harness.js';

test('an order paid but never written is found by id and name and written to its card', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  t.teardown(() => reader.close());
  const card = await reader.waitForCard();
  const product = await createProduct(stack.admin, { name: 'Lost Tickets' });
  const { purchase } = await stack.kiosk.purchaseTickets(
    purchaseRequest(product.id, { cardId: card.id, quantity: 2, buyer: { name: 'Hanako Yamada', email: '' } }),
  );

  await recoverOrder(kiosk, purchase!.orderId.toLowerCase(), 'hanako  yamada');
  const done = await kiosk.waitFor('read back');
  t.is(done.match(/★ Lost Tickets/g)?.length, 2);
  t.regex(done, /Buyer Hanako Yamada/);
  t.is((await (await reader.waitForCard()).readImage()).tickets.length, 2);
});

test('a wrong name or an unknown order id finds nothing and says so', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const product = await createProduct(stack.admin, { name: 'Guarded' });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  await recoverOrder(kiosk, purchase!.orderId, 'Someone Else');
  await kiosk.waitFor('No order with this id and name');
  await kiosk.press(KEY.up);
  await kiosk.type('X');
  await kiosk.press(KEY.down, KEY.enter);
  const frame = await kiosk.waitFor('No order with this id and name');
  t.regex(frame, /Order id\s+ORD-\w+X/, 'what was typed is kept');
});

test('an order issued to another card is not written to this one', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const product = await createProduct(stack.admin, { name: 'Other Card' });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: '04FFFFFFFFFFFF' }));
  await recoverOrder(kiosk, purchase!.orderId, 'Hanako Yamada');
  const frame = await kiosk.waitFor('belong to IC card 04FFFFFFFFFFFF');
  t.regex(frame, new RegExp(purchase!.orderId), 'the order id stays on screen');
  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  t.teardown(() => reader.close());
  t.is((await (await reader.waitForCard()).readImage()).tickets.length, 0);
});
