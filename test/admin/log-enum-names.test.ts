/** Issue 18: the center's logs name enum values ("reason":"CANCELLED"), never their numbers. */
import test from 'ava';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

test('a declined charge and a refused ticket are logged with reason names', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardNumber: CARDS.declined }));
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  await stack.admin.cancelOrder({ orderId: purchase!.orderId });
  await stack.gate.redeemTicket({
    gateId: 'G1',
    cardId: '04A1B2C3D4E5F6',
    ticket: purchase!.tickets[0]!,
    dryRun: false,
  });

  const logs = stack.logs();
  t.regex(logs, /"reason":"PAYMENT_DECLINED".*"msg":"charge declined"/);
  t.regex(logs, /"reason":"CANCELLED".*"msg":"redeem"/);
  t.notRegex(logs, /"(reason|result|state|direction|outcome)":\d/);
});
