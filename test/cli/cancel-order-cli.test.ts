/** `cardgate admin cancel-order` as an operator runs it: used tickets refuse without --force, a second cancel says so. */
import test from 'ava';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { runCardgate } from '../helpers/cli.js';
import { startStack } from '../helpers/stack.js';

test('cancel-order refuses an admitted order, --force cancels it keeping the seat sold, a second run says already cancelled', async (t) => {
  const stack = await startStack(t);
  const env = { CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin };
  const product = await createProduct(stack.admin, { capacity: 5 });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  const [used] = purchase!.tickets;
  await stack.gate.redeemTicket({ gateId: 'G1', cardId: '04A1B2C3D4E5F6', ticket: used!, dryRun: false });
  const orderId = purchase!.orderId;

  const refused = await runCardgate(['admin', 'cancel-order', orderId], env);
  t.is(refused.code, 1, refused.output);
  t.regex(refused.output, new RegExp(`${used!.ticket!.ticketId} \\(gate G1\\)`));
  t.regex(refused.output, /--force|[Ff]orce/);

  const forced = await runCardgate(['admin', 'cancel-order', orderId, '--force'], env);
  t.is(forced.code, 0, forced.output);
  t.regex(forced.output, new RegExp(`order ${orderId} is cancelled \\(2 tickets\\)`));
  t.regex(forced.output, /1 of them had been admitted: its seat stays sold/);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 4);

  const again = await runCardgate(['admin', 'cancel-order', orderId], env);
  t.is(again.code, 0, again.output);
  t.regex(again.output, new RegExp(`order ${orderId} was already cancelled`));
});
