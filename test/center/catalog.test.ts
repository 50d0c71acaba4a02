/** CatalogService: products with seats left, and the live availability stream kiosks show (claim 2). */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import type { WatchAvailabilityResponse } from '../../gen/cardgate/v1/catalog.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack } from '../helpers/stack.js';

test('ListProducts includes sold-out products with 0 seats left, ordered by start', async (t) => {
  const stack = await startStack(t);
  const later = await createProduct(stack.admin, {
    name: 'Later',
    startsAt: new Date(Date.now() + 72 * 3600_000),
    capacity: 5,
  });
  const soon = await createProduct(stack.admin, { name: 'Soon', capacity: 1 });
  await stack.kiosk.purchaseTickets(purchaseRequest(soon.id));
  const products = await stack.kiosk.listProducts();
  t.deepEqual(
    products.map((p) => [p.name, p.remaining]),
    [
      ['Soon', 0],
      ['Later', 5],
    ],
  );
  t.is((await stack.gate.getProduct(later.id)).capacity, 5);
});

test('GetProduct of an unknown id is NOT_FOUND', async (t) => {
  const stack = await startStack(t);
  t.is(grpcCode(await t.throwsAsync(stack.kiosk.getProduct('PRD-NOPE'))), status.NOT_FOUND);
});

test('WatchAvailability sends the current seats left, then each change as it happens', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 10 });
  const updates: WatchAvailabilityResponse[] = [];
  let notify = () => {};
  const cancel = stack.kiosk.watchAvailability(
    [product.id],
    (update) => {
      updates.push(update);
      notify();
    },
    () => {},
  );
  t.teardown(cancel);
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      notify = () => updates.length >= count && resolve();
      notify();
    });
  await next(1);
  t.deepEqual(updates[0], { productId: product.id, remaining: 10, capacity: 10, product: undefined });
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 3 }));
  await next(2);
  t.is(updates.at(-1)!.remaining, 7);
});
