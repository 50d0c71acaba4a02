/** A retry that finds its sale still pending from a center that died: finished, undone, or "still processing" — never a hang. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { raw } from '@mikro-orm/core';
import { ProductEntity } from '../../center/catalog/product.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { validatePurchase } from '../../center/sales/validate-purchase.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack, type Stack } from '../helpers/stack.js';

/** Leaves behind what a center killed between reserving and charging leaves: a pending order with a charge row and seats taken. */
async function interruptedSale(stack: Stack, request: ReturnType<typeof purchaseRequest>) {
  const purchase = validatePurchase(request);
  const em = stack.center.orm.em.fork();
  const longAgo = new Date(Date.now() - 60_000);
  await em.insert(OrderEntity, {
    id: 'ORD-INTERRUPT', idempotencyKey: purchase.idempotencyKey, fingerprint: purchase.fingerprint, state: 'pending', cardId: purchase.cardId,
    buyerName: purchase.buyerName, buyerEmail: purchase.buyerEmail, lines: purchase.lines, currencyCode: 'EUR', totalMinor: 2500,
    buyerIdentification: null, orderedAt: longAgo, reservedAt: longAgo, unavailableReason: null, unavailableMessage: null,
    unavailableProductId: null, cardBrand: null, cardLast4: null, authorizationCode: null, cancelledAt: null,
  });
  await em.nativeUpdate(ProductEntity, { id: purchase.lines[0]!.productId }, { remaining: raw('remaining - 1') });
  await em.insert(ChargeEntity, { id: 'CHG-INTERRUPT', orderId: 'ORD-INTERRUPT', state: 'requested', currencyCode: 'EUR', amountMinor: 2500, createdAt: longAgo, updatedAt: longAgo });
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
  const charges = await stack.center.orm.em.fork().find(ChargeEntity, { orderId: 'ORD-INTERRUPT' }, { orderBy: { createdAt: 'asc' } });
  t.deepEqual(charges.map((c) => c.state), ['reversed', 'approved']);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 4, 'one seat sold, none leaked');
});
