/** Issue 17 item 6: who did what to products, orders and tokens, and when, listed by `cardgate admin audit`. */
import test from 'ava';
import { userInfo } from 'node:os';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { runCardgate } from '../helpers/cli.js';
import { startStack } from '../helpers/stack.js';

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

test('product, order and token actions are audited with their actor, newest first, through the center and from --db', async (t) => {
  const stack = await startStack(t);
  const env = { CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin };
  const db = `sqlite:${stack.dbPath}`;
  const local = `local:${userInfo().username}`;

  const product = await createProduct(stack.admin, { name: 'Jazz Night', capacity: 5 });
  t.is((await runCardgate(['admin', 'product-update', product.id, '--capacity', '8'], env)).code, 0);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  const cancel = await runCardgate(['admin', 'cancel-order', purchase!.orderId, '--reason', 'buyer asked'], env);
  t.is(cancel.code, 0, cancel.output);
  // A second cancel changes nothing and is not an action.
  t.is((await runCardgate(['admin', 'cancel-order', purchase!.orderId], env)).code, 0);
  for (const args of [
    ['create', '--role', 'gate', '--name', 'gate-9'],
    ['rotate', '--name', 'gate-9'],
    ['revoke', '--name', 'gate-9'],
  ])
    t.is((await runCardgate(['admin', 'token', ...args, '--db', db])).code, 0);

  const expected = [
    { actor: local, action: 'token.revoke', subject: 'gate-9' },
    { actor: local, action: 'token.rotate', subject: 'gate-9' },
    { actor: local, action: 'token.create', subject: 'gate-9' },
    { actor: 'admin-1', action: 'order.cancel', subject: purchase!.orderId, detail: 'buyer asked' },
    { actor: 'admin-1', action: 'product.update', subject: product.id, detail: 'capacity 5 → 8' },
    { actor: 'admin-1', action: 'product.create', subject: product.id },
  ];
  for (const args of [['--json'], ['--json', '--db', db]]) {
    const run = await runCardgate(['admin', 'audit', ...args], env);
    t.is(run.code, 0, run.output);
    const rows = JSON.parse(run.output) as AuditRow[];
    t.like(rows, expected, args.join(' '));
    t.is(rows.length, expected.length);
    t.true(rows.every((row) => Date.parse(row.at) > 0));
  }

  const text = await runCardgate(['admin', 'audit'], env);
  t.regex(text.output, /^WHEN\s+WHO\s+WHAT\s+ON\s+DETAIL$/m);
  t.regex(text.output, new RegExp(`admin-1\\s+order\\.cancel\\s+${purchase!.orderId}\\s+buyer asked`));
  // The cancellation's reason shows with the order too.
  const orders = await runCardgate(['admin', 'orders'], env);
  t.regex(orders.output, /cancelled: buyer asked/);
});
