/** SPEC §6: neither the center nor the charge terminal stores or logs a full card number or a CVC. */
import test from 'ava';
import { readFileSync, existsSync } from 'node:fs';
import { CARDS, holdsTestCvc, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

test('no card number or CVC in the database file, its WAL, or the logs after sales of every kind', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 3 });
  for (const cardNumber of Object.values(CARDS)) {
    await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardNumber }));
  }
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 5 })); // sold out
  const orders = await stack.admin.listOrders();
  t.true(orders.length >= 5, 'the purchases were recorded');

  const files = [stack.dbPath, `${stack.dbPath}-wal`].filter(existsSync);
  t.true(files.length >= 1);
  const haystacks = [...files.map((file) => readFileSync(file).toString('latin1')), stack.logs()];
  t.true(stack.logs().includes('4242'), 'the logs do record the last four digits');
  for (const haystack of haystacks) {
    for (const number of Object.values(CARDS))
      t.false(haystack.includes(number), `card number ${number.slice(-4)} found`);
    t.false(holdsTestCvc(haystack), 'CVC found');
  }
});
