/** `cardgate admin products` and `product-update` as an operator runs them, against a real center (issue 18, "The operator"). */
import test from 'ava';
import { salesClosed } from '../../kiosk/sales-window.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { runCardgate } from '../helpers/cli.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack, type Stack } from '../helpers/stack.js';

const envOf = (stack: Stack) => ({ CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin });

test('admin products prints a header and each product with sold, remaining and admitted; --json the same', async (t) => {
  const stack = await startStack(t);
  const jazz = await createProduct(stack.admin, { name: 'Jazz Night', capacity: 10 });
  await createProduct(stack.admin, { name: 'Quiet Recital', capacity: 3 });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(jazz.id, { quantity: 2 }));
  await stack.gate.redeemTicket({
    gateId: 'G1',
    cardId: '04A1B2C3D4E5F6',
    ticket: purchase!.tickets[0]!,
    dryRun: false,
  });

  const text = await runCardgate(['admin', 'products'], envOf(stack));
  t.is(text.code, 0, text.output);
  const [header, ...lines] = text.output.trim().split('\n');
  t.regex(header!, /^NAME\s+ID\s+STARTS\s+CAPACITY\s+SOLD\s+REMAINING\s+ADMITTED\s+ON SALE$/);
  const jazzLine = lines.find((line) => line.startsWith('Jazz Night'));
  t.regex(jazzLine ?? '', new RegExp(`^Jazz Night\\s+${jazz.id}\\s+\\S+ \\S+\\s+10\\s+2\\s+8\\s+1\\s+yes$`));
  t.truthy(lines.find((line) => line.startsWith('Quiet Recital')));

  const json = await runCardgate(['admin', 'products', '--json'], envOf(stack));
  t.is(json.code, 0, json.output);
  const rows = JSON.parse(json.output) as Array<Record<string, unknown>>;
  t.like(
    rows.find((row) => row.id === jazz.id),
    { name: 'Jazz Night', capacity: 10, sold: 2, remaining: 8, admitted: 1, on_sale: true },
  );
});

test('product-update refuses a capacity below what is sold, naming the numbers; raising it adds seats left', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 3 }));

  const refused = await runCardgate(['admin', 'product-update', product.id, '--capacity', '2'], envOf(stack));
  t.is(refused.code, 1, refused.output);
  t.regex(refused.output, /FAILED_PRECONDITION/);
  t.regex(refused.output, /3 sold and 0 reserved, so at least 3; capacity stays 5/);
  t.like(await stack.kiosk.getProduct(product.id), { capacity: 5, remaining: 2 });

  const lowered = await runCardgate(['admin', 'product-update', product.id, '--capacity', '3'], envOf(stack));
  t.is(lowered.code, 0, lowered.output);
  t.like(await stack.kiosk.getProduct(product.id), { capacity: 3, remaining: 0 });

  const raised = await runCardgate(
    ['admin', 'product-update', product.id, '--capacity', '12', '--name', 'Bigger Hall Concert', '--venue', 'Arena'],
    envOf(stack),
  );
  t.is(raised.code, 0, raised.output);
  t.like(await stack.kiosk.getProduct(product.id), {
    capacity: 12,
    remaining: 9,
    name: 'Bigger Hall Concert',
    venue: 'Arena',
  });
  // The center's product cache serves the new name at once: it is what a new ticket carries.
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.is(purchase!.tickets[0]!.ticket!.eventName, 'Bigger Hall Concert');
});

test('--close-sales: the kiosk no longer offers the product and a purchase is SALES_CLOSED; --reopen-sales sells again', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const listed = async () => (await stack.kiosk.listProducts()).find((p) => p.id === product.id)!;
  t.false(salesClosed(await listed(), new Date()));

  const closed = await runCardgate(['admin', 'product-update', product.id, '--close-sales'], envOf(stack));
  t.is(closed.code, 0, closed.output);
  t.true(salesClosed(await listed(), new Date()), 'the kiosk catalog filters it out');
  const refused = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.is(refused.unavailable?.reason, UnavailabilityReason.UNAVAILABILITY_REASON_SALES_CLOSED);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);

  const reopened = await runCardgate(['admin', 'product-update', product.id, '--reopen-sales'], envOf(stack));
  t.is(reopened.code, 0, reopened.output);
  t.false(salesClosed(await listed(), new Date()));
  const bought = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.truthy(bought.purchase, JSON.stringify(bought.unavailable));
});

test('product-update with nothing to change, or both --close-sales and --reopen-sales, is refused', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const nothing = await runCardgate(['admin', 'product-update', product.id], envOf(stack));
  t.is(nothing.code, 1);
  t.regex(nothing.output, /nothing to change/);
  const both = await runCardgate(
    ['admin', 'product-update', product.id, '--close-sales', '--reopen-sales'],
    envOf(stack),
  );
  t.is(both.code, 1);
  t.regex(both.output, /cannot be used with/);
});
