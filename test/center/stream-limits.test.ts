/**
 * Open streams are capped (issue 14): per terminal and in all, with a clear
 * RESOURCE_EXHAUSTED, a place given back when a stream closes, and
 * WatchAvailability saying so when it is asked for products that do not exist.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import test from 'ava';
import type { CenterClient } from '../../terminal/center-client.js';
import { createProduct } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil, withDeadline } from '../helpers/wait.js';

/** Opens a stream and resolves once it is either live (its first update came) or refused. */
function openStream(client: CenterClient, productIds: string[] = []) {
  let cancel = () => {};
  const opened = new Promise<{ live: true } | { live: false; error: ServiceError | undefined }>((resolve) => {
    cancel = client.watchAvailability(
      productIds,
      () => resolve({ live: true }),
      (error) => resolve({ live: false, error }),
    );
  });
  return { opened: withDeadline('the stream to open or be refused', opened), cancel: () => cancel() };
}

test('one terminal may hold a few streams open; one more is RESOURCE_EXHAUSTED until one closes', async (t) => {
  const stack = await startStack(t, { center: { streamLimits: { perTerminal: 3, total: 100 } } });
  await createProduct(stack.admin);
  const streams = [openStream(stack.kiosk), openStream(stack.kiosk), openStream(stack.kiosk)];
  for (const stream of streams) t.deepEqual(await stream.opened, { live: true });
  t.teardown(() => streams.forEach((stream) => stream.cancel()));

  const fourth = await openStream(stack.kiosk).opened;
  t.false(fourth.live);
  t.is(fourth.live ? undefined : status[fourth.error!.code], 'RESOURCE_EXHAUSTED');
  t.regex(fourth.live ? '' : fourth.error!.details, /at most 3/);
  const other = openStream(stack.gate);
  t.teardown(other.cancel);
  t.deepEqual(await other.opened, { live: true }, 'another terminal is not affected');

  streams[0]!.cancel();
  // The center learns of the cancellation a moment later: a new stream is accepted once it has.
  const again = await waitUntil('a closed stream to give its place back', async () => {
    const stream = openStream(stack.kiosk);
    return (await stream.opened).live && stream;
  });
  t.teardown(again.cancel);
  t.pass('a closed stream gives its place back');
});

test('all terminals together may hold a bounded number of streams', async (t) => {
  const stack = await startStack(t, { center: { streamLimits: { perTerminal: 10, total: 3 } } });
  await createProduct(stack.admin);
  const streams = [openStream(stack.kiosk), openStream(stack.kiosk), openStream(stack.gate)];
  for (const stream of streams) t.deepEqual(await stream.opened, { live: true });
  t.teardown(() => streams.forEach((stream) => stream.cancel()));
  const refused = await openStream(stack.gate).opened;
  t.is(refused.live ? undefined : status[refused.error!.code], 'RESOURCE_EXHAUSTED');
});

test('WatchAvailability for a product that does not exist, or too many, says so', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const unknown = await openStream(stack.kiosk, [product.id, 'PRD-NOPE']).opened;
  t.is(unknown.live ? undefined : status[unknown.error!.code], 'NOT_FOUND');
  t.regex(unknown.live ? '' : unknown.error!.details, /PRD-NOPE/);
  const many = await openStream(
    stack.kiosk,
    Array.from({ length: 101 }, (_, i) => `PRD-${i}`),
  ).opened;
  t.is(many.live ? undefined : status[many.error!.code], 'INVALID_ARGUMENT');
  t.regex(many.live ? '' : many.error!.details, /product_ids/);
  const known = openStream(stack.kiosk, [product.id]);
  t.teardown(known.cancel);
  t.deepEqual(await known.opened, { live: true });
});
