/** PurchaseTickets over real gRPC against a real charge terminal and SQLite (claims 1-3, 9-10: purchase, charge transferability, issue). */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { grpcCode } from '../helpers/grpc.js';

const R = UnavailabilityReason;

test('an approved purchase issues signed tickets with the buyer identification (claim 1)', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 10 });
  const before = new Date(Date.now() - 1000);
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));

  const purchase = response.purchase!;
  t.truthy(purchase, 'expected a purchase, got ' + JSON.stringify(response.unavailable));
  t.is(purchase.tickets.length, 2);
  t.is(purchase.buyerIdentification?.buyerName, 'Hanako Yamada');
  t.is(purchase.buyerIdentification?.orderId, purchase.orderId);
  t.regex(purchase.buyerIdentification!.orderContents, /2 x Test Concert/);
  t.true(purchase.buyerIdentification!.orderedAt! >= before);
  t.deepEqual(purchase.total, { currencyCode: 'EUR', amountMinor: 5000 });
  t.is(purchase.cardLast4, '4242');
  t.is(purchase.cardBrand, 'visa');
  t.truthy(purchase.authorizationCode);
  for (const ticket of purchase.tickets) {
    t.is(ticket.ticket?.productId, product.id);
    t.is(ticket.ticket?.eventName, 'Test Concert');
    t.is(ticket.signature.length, 64);
    t.is(ticket.additionalInfo?.venueNotes, 'Doors at 19:00');
  }
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 8);
});

const declines = [
  { name: 'a declined card', cardNumber: CARDS.declined, reason: R.UNAVAILABILITY_REASON_PAYMENT_DECLINED },
  {
    name: 'insufficient funds',
    cardNumber: CARDS.insufficientFunds,
    reason: R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS,
  },
  { name: 'a Luhn-invalid number', cardNumber: CARDS.luhnInvalid, reason: R.UNAVAILABILITY_REASON_INVALID_CARD },
];
for (const decline of declines) {
  test(`${decline.name} is unavailable with its reason and the stock is back (claim 11)`, async (t) => {
    const stack = await startStack(t);
    const product = await createProduct(stack.admin, { capacity: 5 });
    const response = await stack.kiosk.purchaseTickets(
      purchaseRequest(product.id, { quantity: 3, cardNumber: decline.cardNumber }),
    );
    t.is(response.purchase, undefined);
    t.is(response.unavailable?.reason, decline.reason);
    t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);
  });
}

test('an expired card is CARD_EXPIRED', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const request = purchaseRequest(product.id);
  request.creditCard = { ...request.creditCard!, expiryMonth: 1, expiryYear: 2020 };
  const response = await stack.kiosk.purchaseTickets(request);
  t.is(response.unavailable?.reason, R.UNAVAILABILITY_REASON_CARD_EXPIRED);
});

test('more tickets than seats left is SOLD_OUT and takes nothing', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 2 });
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 3 }));
  t.is(response.unavailable?.reason, R.UNAVAILABILITY_REASON_SOLD_OUT);
  t.is(response.unavailable?.productId, product.id);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 2);
});

test('after sales close a purchase is SALES_CLOSED', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { salesCloseAt: new Date(Date.now() - 60_000) });
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.is(response.unavailable?.reason, R.UNAVAILABILITY_REASON_SALES_CLOSED);
});

test('sales close at the start of the event when no close time is set', async (t) => {
  let now = Date.now();
  const stack = await startStack(t, { center: { now: () => new Date(now) } });
  const product = await createProduct(stack.admin, { startsAt: new Date(now + 60_000) });
  now += 120_000;
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.is(response.unavailable?.reason, R.UNAVAILABILITY_REASON_SALES_CLOSED);
});

test('tickets that would not fit on the IC card are CARD_FULL before anything is charged', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 10 });
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 4, cardFreeBytes: 300 }));
  t.is(response.unavailable?.reason, R.UNAVAILABILITY_REASON_CARD_FULL);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 10);
  t.is((await stack.admin.listOrders()).filter((order) => order.ticketCount > 0).length, 0);
});

test('the same idempotency key returns the first outcome and charges once', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 10 });
  const request = purchaseRequest(product.id, { quantity: 2 });
  const first = await stack.kiosk.purchaseTickets(request);
  const again = await stack.kiosk.purchaseTickets(request);
  t.deepEqual(again, first);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 8);
  t.is((await stack.admin.listOrders()).length, 1);
});

test('the same idempotency key replays a decline too', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const request = purchaseRequest(product.id, { cardNumber: CARDS.declined });
  const first = await stack.kiosk.purchaseTickets(request);
  t.deepEqual(await stack.kiosk.purchaseTickets(request), first);
});

test('an idempotency key reused for a different purchase is INVALID_ARGUMENT', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const request = purchaseRequest(product.id);
  await stack.kiosk.purchaseTickets(request);
  const error = await t.throwsAsync(
    stack.kiosk.purchaseTickets({ ...request, items: [{ productId: product.id, quantity: 2 }] }),
  );
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
  t.regex(error!.message, /idempotency_key/);
});

const malformed: Array<[string, (r: ReturnType<typeof purchaseRequest>) => void, RegExp]> = [
  ['idempotency_key', (r) => (r.idempotencyKey = ''), /idempotency_key/],
  ['card_id', (r) => (r.cardId = ''), /card_id/],
  ['buyer.name', (r) => (r.buyer = { name: ' ', email: '' }), /buyer\.name/],
  ['buyer.email', (r) => (r.buyer = { name: 'A', email: 'not-an-address' }), /buyer\.email/],
  ['items', (r) => (r.items = []), /items/],
  ['items[0].quantity', (r) => (r.items = [{ productId: r.items[0]!.productId, quantity: 0 }]), /items\[0\]\.quantity/],
  ['credit_card', (r) => (r.creditCard = undefined), /credit_card/],
];
for (const [field, spoil, pattern] of malformed) {
  test(`a request without a valid ${field} is INVALID_ARGUMENT naming it`, async (t) => {
    const stack = await startStack(t);
    const product = await createProduct(stack.admin);
    const request = purchaseRequest(product.id);
    spoil(request);
    const error = await t.throwsAsync(stack.kiosk.purchaseTickets(request));
    t.is(grpcCode(error), status.INVALID_ARGUMENT);
    t.regex(error!.message, pattern);
  });
}

test('an unknown product is NOT_FOUND', async (t) => {
  const stack = await startStack(t);
  const error = await t.throwsAsync(stack.kiosk.purchaseTickets(purchaseRequest('PRD-NOPE')));
  t.is(grpcCode(error), status.NOT_FOUND);
});

test('GetOrder returns the tickets and buyer identification to rewrite a card', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  const order = await stack.kiosk.getOrder(purchase!.orderId);
  t.deepEqual(order.tickets, purchase!.tickets);
  t.deepEqual(order.buyerIdentification, purchase!.buyerIdentification);
  t.is(order.cardId, '04A1B2C3D4E5F6');
  t.is(grpcCode(await t.throwsAsync(stack.kiosk.getOrder('ORD-UNKNOWN'))), status.NOT_FOUND);
});
