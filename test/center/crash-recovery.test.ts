/**
 * The center killed (SIGKILL) in the middle of sales and restarted: every
 * kiosk retries with its idempotency key until it gets an outcome, and then
 * sold + remaining = capacity, each key has one order, and every charge the
 * terminal approved ended with tickets or a reversal.
 */
import test from 'ava';
import { credentials } from '@grpc/grpc-js';
import { ChargeState, ChargeTransferServiceClient } from '../../gen/cardgate/v1/charge.js';
import { createChargeServer } from '../../charge/server.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { ProductEntity } from '../../center/catalog/product.entity.js';
import { unary } from '../../terminal/rpc.js';
import { CenterClient } from '../../terminal/center-client.js';
import { purchaseRequest } from '../helpers/factories.js';
import { prepareDatabase, startCenterProcess } from '../helpers/center-process.js';
import { waitUntil } from '../helpers/wait.js';

const CAPACITY = 30;

test('SIGKILL mid-sale, restart, retry: no oversell, no charge without tickets or reversal', async (t) => {
  // The terminal answers slowly, so the kill finds sales reserved and waiting on their charge.
  const charge = createChargeServer({ latencyMs: 1_500 });
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const db = await prepareDatabase(t, { capacity: CAPACITY });

  const first = await startCenterProcess(db.dbPath, chargeAddress);
  const requests = Array.from({ length: 60 }, (_, i) => purchaseRequest(db.productId, { cardId: `CARD${i}` }));
  const kiosk = new CenterClient(first.address, db.kioskToken, { timeoutMs: 5000 });
  const inFlight = requests.map((request) => kiosk.purchaseTickets(request).catch(() => undefined));
  const orm = await db.open();
  const em = orm.em.fork();
  // Kill once sales are reserved and waiting on their charge (the terminal takes 1.5 s to answer).
  await waitUntil('a pending order in the database', async () => (await em.fork().count(OrderEntity, { state: 'pending' })) > 0, { timeoutMs: 10_000, everyMs: 50 });
  first.kill();
  await Promise.all(inFlight);
  kiosk.close();
  t.true((await em.count(OrderEntity, { state: 'pending' })) > 0, 'the kill interrupted sales in flight');

  const second = await startCenterProcess(db.dbPath, chargeAddress);
  t.teardown(() => second.kill());
  const retrying = new CenterClient(second.address, db.kioskToken, { timeoutMs: 15_000 });
  t.teardown(() => retrying.close());
  const outcomes = await Promise.all(requests.map((request) => retryUntilAnswered(() => retrying.purchaseTickets(request))));
  t.true(outcomes.every((o) => o.purchase || o.unavailable));

  em.clear();
  const product = await em.findOneOrFail(ProductEntity, { id: db.productId });
  const issued = await em.count(TicketEntity, { productId: db.productId, state: 'issued' });
  t.is(issued + product.remaining, CAPACITY, 'sold + remaining = capacity');
  t.is(issued, outcomes.filter((o) => o.purchase).length);
  t.is(await em.count(OrderEntity, {}), requests.length, 'one order per idempotency key');

  const terminal = new ChargeTransferServiceClient(chargeAddress, credentials.createInsecure());
  t.teardown(() => terminal.close());
  for (const row of await em.find(ChargeEntity, {})) {
    const record = await unary(terminal.getCharge.bind(terminal), { chargeId: row.id }, 5000).catch(() => undefined);
    if (record?.state !== ChargeState.CHARGE_STATE_APPROVED) continue;
    const order = await em.findOneOrFail(OrderEntity, { id: row.orderId });
    t.is(order.state, 'issued', `approved charge ${row.id} has issued tickets`);
  }
});

/** A kiosk's retry loop: same request until the center gives an outcome (it answers UNAVAILABLE while a sale is being recovered). */
async function retryUntilAnswered<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
