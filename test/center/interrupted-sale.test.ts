/** A retry that finds its sale still pending from a center that died: finished, undone, or "still processing" — never a hang. */
import test from 'ava';
import { credentials, status } from '@grpc/grpc-js';
import { raw } from '@mikro-orm/core';
import { pino } from 'pino';
import { ChargeTransferServiceClient } from '../../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { unary } from '../../terminal/rpc.js';
import { AvailabilityHub } from '../../center/catalog/availability-hub.js';
import { stockReader } from '../../center/sales/publish-stock.js';
import { ProductCache } from '../../center/catalog/product-cache.js';
import { ProductEntity } from '../../center/catalog/product.entity.js';
import { grpcChargeGateway } from '../../center/sales/charge-gateway.js';
import { recoverOrder } from '../../center/sales/recovery.js';
import { DeclineGuard, DEFAULT_DECLINE_RULE } from '../../center/sales/decline-guard.js';
import type { SalesDeps } from '../../center/sales/sales-deps.js';
import { loadOrCreateSigningKey } from '../../center/signing/signing-key.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { SaleWriter } from '../../center/sales/sale-writer.js';
import { validatePurchase } from '../../center/sales/validate-purchase.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { buyWithChargeDown, startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

/** Leaves behind what a center killed between reserving and charging leaves: a pending order with a charge row and seats taken. */
async function interruptedSale(stack: Stack, request: ReturnType<typeof purchaseRequest>) {
  const em = stack.center.orm.em.fork();
  const purchase = validatePurchase(request, (await loadOrCreateSigningKey(em)).fingerprintKey);
  const longAgo = new Date(Date.now() - 60_000);
  await em.insert(OrderEntity, {
    id: 'ORD-INTERRUPT',
    idempotencyKey: purchase.idempotencyKey,
    fingerprint: purchase.fingerprint,
    state: 'pending',
    cardId: purchase.cardId,
    buyerName: purchase.buyerName,
    buyerEmail: purchase.buyerEmail,
    lines: purchase.lines,
    currencyCode: 'EUR',
    totalMinor: 2500,
    buyerIdentification: null,
    orderedAt: longAgo,
    reservedAt: longAgo,
    unavailableReason: null,
    unavailableMessage: null,
    unavailableProductId: null,
    cardBrand: null,
    cardLast4: null,
    authorizationCode: null,
    cancelledAt: null,
  });
  await em.nativeUpdate(ProductEntity, { id: purchase.lines[0]!.productId }, { remaining: raw('remaining - 1') });
  await em.insert(ChargeEntity, {
    id: 'CHG-INTERRUPT',
    orderId: 'ORD-INTERRUPT',
    state: 'requested',
    currencyCode: 'EUR',
    amountMinor: 2500,
    createdAt: longAgo,
    updatedAt: longAgo,
  });
}

test('with the charge terminal unreachable, the retry answers UNAVAILABLE and keeps the seats reserved', async (t) => {
  const stack = await startStack(t, { noCharge: true, center: { chargeDeadlineMs: 200, sweepIntervalMs: 60_000 } });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const request = purchaseRequest(product.id);
  await interruptedSale(stack, request);
  t.is(grpcCode(await t.throwsAsync(stack.kiosk.purchaseTickets(request))), status.UNAVAILABLE);
  const order = await stack.center.orm.em.fork().findOneOrFail(OrderEntity, { id: 'ORD-INTERRUPT' });
  t.is(order.state, 'pending', 'nothing is decided while nobody knows whether money moved');
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 4);
});

test('once the terminal answers that it never saw the charge, the retry voids it and buys anew', async (t) => {
  const stack = await startStack(t, { center: { sweepIntervalMs: 60_000 } });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const request = purchaseRequest(product.id);
  await interruptedSale(stack, request);
  const response = await stack.kiosk.purchaseTickets(request);
  t.is(response.purchase?.orderId, 'ORD-INTERRUPT');
  t.is(response.purchase?.tickets.length, 1);
  const charges = await stack.center.orm.em
    .fork()
    .find(ChargeEntity, { orderId: 'ORD-INTERRUPT' }, { orderBy: { createdAt: 'asc' } });
  t.deepEqual(
    charges.map((c) => c.state),
    ['reversed', 'approved'],
  );
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 4, 'one seat sold, none leaked');
});

test('once the terminal answers that it declined the charge, the retry records the decline and the seat is back', async (t) => {
  const stack = await startStack(t, { center: { sweepIntervalMs: 60_000 } });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const request = purchaseRequest(product.id);
  await interruptedSale(stack, request);
  // The terminal got the charge before the center died, and declined it.
  const terminal = new ChargeTransferServiceClient(stack.chargeAddress, credentials.createInsecure());
  t.teardown(() => terminal.close());
  const declined = await unary(
    terminal.transferCharge.bind(terminal),
    {
      chargeId: 'CHG-INTERRUPT',
      amount: { currencyCode: 'EUR', amountMinor: 2500 },
      description: '',
      creditCard: { ...request.creditCard!, number: CARDS.declined },
    },
    5_000,
  );
  t.false(declined.approved);

  const response = await stack.kiosk.purchaseTickets(request);
  t.is(response.unavailable?.reason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_DECLINED);
  t.deepEqual(await stack.kiosk.purchaseTickets(request), response, 'the decline is replayed');
  const em = stack.center.orm.em.fork();
  t.is((await em.findOneOrFail(OrderEntity, { id: 'ORD-INTERRUPT' })).state, 'unavailable');
  t.deepEqual(
    (await em.find(ChargeEntity, { orderId: 'ORD-INTERRUPT' })).map((c) => c.state),
    ['declined'],
  );
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);
});

test('an ender that decided about an earlier attempt leaves the retry in flight alone', async (t) => {
  // The retry's charge takes the terminal's 1 s, after up to 1 s of reconnecting to the restarted terminal:
  // a deadline of 4 s leaves a loaded machine room (with the stack's 2 s, it once answered PAYMENT_UNAVAILABLE).
  const stack = await startStack(t, {
    chargeLatencyMs: 1_000,
    center: { sweepIntervalMs: 60_000, chargeDeadlineMs: 4_000 },
  });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const request = purchaseRequest(product.id, { quantity: 2 });
  t.is(await buyWithChargeDown(stack, request), UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
  const em = stack.center.orm.em.fork();
  const [first] = await em.find(ChargeEntity, {});
  await stack.startCharge();
  const retry = stack.kiosk.purchaseTickets(request);
  const second = await waitUntil('the retry to reserve', () =>
    em
      .fork()
      .findOne(ChargeEntity, { orderId: first!.orderId, state: 'requested' })
      .then((c) => c ?? undefined),
  );

  // A recovery (or a center) that looked at the first attempt ends the sale only now, while the retry is charging.
  const late = await new SaleWriter(stack.center.orm).refuse({
    orderId: first!.orderId,
    refusal: { reason: UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE, message: 'interrupted' },
    seats: request.items,
    charge: { id: first!.id, state: 'reversed' },
    at: new Date(),
  });
  t.false(late, 'the first attempt had ended already');
  const answer = await retry;
  t.is(answer.purchase?.tickets.length, 2, `the retry was answered ${JSON.stringify(answer.unavailable)}`);
  t.is((await em.fork().findOneOrFail(ChargeEntity, { id: second.id })).state, 'approved');
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 3, 'no seat given back twice');
});

test('recovery leaves alone a pending order that is not stale: a call is selling it right now', async (t) => {
  const stack = await startStack(t, { chargeLatencyMs: 1_000, center: { sweepIntervalMs: 60_000 } });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const selling = stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  const em = stack.center.orm.em.fork();
  const order = await waitUntil('the sale to reserve', () =>
    em
      .fork()
      .findOne(OrderEntity, { state: 'pending' })
      .then((o) => o ?? undefined),
  );

  const { orm } = stack.center;
  const deps: SalesDeps = {
    orm,
    charge: grpcChargeGateway(stack.chargeAddress, 2_000),
    key: await loadOrCreateSigningKey(orm.em.fork()),
    hub: new AvailabilityHub(stockReader(orm)),
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    staleReservationMs: 60_000,
    products: new ProductCache(orm),
    writer: new SaleWriter(orm),
    declines: new DeclineGuard(DEFAULT_DECLINE_RULE),
  };
  t.teardown(() => deps.charge.close());
  await recoverOrder(deps, order.id);
  t.is((await selling).purchase?.tickets.length, 1, 'the sale went through');
  t.deepEqual(
    (await em.fork().find(ChargeEntity, { orderId: order.id })).map((c) => c.state),
    ['approved'],
  );
});
