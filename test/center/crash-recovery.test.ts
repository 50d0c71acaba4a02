/**
 * The center killed (SIGKILL) in the middle of sales and restarted: every
 * kiosk retries with its idempotency key until it gets an outcome, and then
 * sold + remaining = capacity, each key has one order, and every charge the
 * terminal approved ended with tickets or a reversal.
 */
import test from 'ava';
import { credentials } from '@grpc/grpc-js';
import type { EntityManager } from '@mikro-orm/core';
import { pino } from 'pino';
import { ChargeState, ChargeTransferServiceClient } from '../../gen/cardgate/v1/charge.js';
import { BuyerIdentification } from '../../gen/cardgate/v1/ticket.js';
import { createChargeServer } from '../../charge/server.js';
import { publicKeyFromRaw, verifyCardTicket } from '../../card/signature.js';
import { centerConfig } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { ProductEntity } from '../../center/catalog/product.entity.js';
import { unary } from '../../terminal/rpc.js';
import { CenterClient } from '../../terminal/center-client.js';
import { cardUid, purchaseRequest } from '../helpers/factories.js';
import { prepareDatabase, startCenterProcess, untilOrderPending } from '../helpers/center-process.js';
import { waitUntil } from '../helpers/wait.js';

const CAPACITY = 30;

test('SIGKILL mid-sale, restart, retry: no oversell, no charge without tickets or reversal', async (t) => {
  // The terminal answers slowly, so the kill finds sales reserved and waiting on their charge.
  const charge = createChargeServer({ latencyMs: 1_500 });
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const db = await prepareDatabase(t, { capacity: CAPACITY });

  const first = await startCenterProcess(db.dbPath, chargeAddress);
  const requests = Array.from({ length: 60 }, (_, i) => purchaseRequest(db.productId, { cardId: cardUid(i) }));
  const kiosk = new CenterClient(first.address, db.kioskToken, { timeoutMs: 5000 });
  const inFlight = requests.map((request) => kiosk.purchaseTickets(request).catch(() => undefined));
  const orm = await db.open();
  const em = orm.em.fork();
  // Kill once sales are reserved and waiting on their charge (the terminal takes 1.5 s to answer).
  await untilOrderPending(em);
  first.kill();
  await Promise.all(inFlight);
  kiosk.close();
  t.true((await em.count(OrderEntity, { state: 'pending' })) > 0, 'the kill interrupted sales in flight');

  const second = await startCenterProcess(db.dbPath, chargeAddress);
  t.teardown(() => second.kill());
  const retrying = new CenterClient(second.address, db.kioskToken, { timeoutMs: 15_000 });
  t.teardown(() => retrying.close());
  const outcomes = await Promise.all(
    requests.map((request) => retryUntilAnswered(() => retrying.purchaseTickets(request))),
  );
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

test('an approved charge whose center died before issuing: the sweeper issues it, signed and stored as a live sale', async (t) => {
  // The terminal takes 1 s to decide, and decides even after the center that asked is gone.
  const charge = createChargeServer({ latencyMs: 1_000 });
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const terminal = new ChargeTransferServiceClient(chargeAddress, credentials.createInsecure());
  t.teardown(() => terminal.close());
  const db = await prepareDatabase(t, { capacity: 10 });
  const em = (await db.open()).em.fork();

  const first = await startCenterProcess(db.dbPath, chargeAddress);
  t.teardown(() => first.kill());
  const kiosk = new CenterClient(first.address, db.kioskToken, { timeoutMs: 5_000 });
  t.teardown(() => kiosk.close());
  const live = await kiosk.purchaseTickets(purchaseRequest(db.productId, { quantity: 2, cardId: '04CA4D11FE0001' }));
  const interrupted = purchaseRequest(db.productId, { quantity: 2, cardId: '04CA4DC4A50001' });
  const inFlight = kiosk.purchaseTickets(interrupted).catch(() => undefined);
  const order = await waitUntil('the interrupted sale reserved', () =>
    em
      .fork()
      .findOne(OrderEntity, { idempotencyKey: interrupted.idempotencyKey, state: 'pending' })
      .then((o) => o ?? undefined),
  );
  first.kill();
  await inFlight;
  const [chargeRow] = await em.fork().find(ChargeEntity, { orderId: order.id });
  // NOT_FOUND until the terminal has decided.
  const decided = () =>
    unary(terminal.getCharge.bind(terminal), { chargeId: chargeRow!.id }, 5_000).catch(() => undefined);
  await waitUntil(
    'the terminal to approve the charge',
    async () => (await decided())?.state === ChargeState.CHARGE_STATE_APPROVED,
    { timeoutMs: 15_000, everyMs: 100 },
  );

  // Another center on the same database; its sweeper finds the sale pending and the charge approved.
  const second = await createCenter(
    centerConfig({
      listen: '127.0.0.1:0',
      database: { kind: 'sqlite', path: db.dbPath },
      charge: chargeAddress,
      staleReservationMs: 0,
      sweepIntervalMs: 100,
      logger: pino({ level: 'silent' }),
    }),
  );
  t.teardown(() => second.stop());
  const retrying = new CenterClient(`127.0.0.1:${await second.listen()}`, db.kioskToken, { timeoutMs: 5_000 });
  t.teardown(() => retrying.close());
  await waitUntil(
    'the sweeper to issue the interrupted sale',
    async () => (await em.fork().findOneOrFail(OrderEntity, { id: order.id })).state === 'issued',
  );

  em.clear();
  t.deepEqual(
    await storedSale(em, order.id),
    await storedSale(em, live.purchase!.orderId),
    'the same rows as a sale the live path issued',
  );
  const recovered = await retrying.getOrder(order.id);
  t.is(recovered.tickets.length, 2);
  const key = publicKeyFromRaw((await retrying.getSigningKey()).publicKey);
  t.true(
    recovered.tickets.every((ticket) => verifyCardTicket(key, ticket, '04CA4DC4A50001')),
    'signed for the card it was bought for',
  );
  t.is((await em.findOneOrFail(OrderEntity, { id: order.id })).authorizationCode, (await decided())?.authorizationCode);
  t.deepEqual(
    (await retrying.purchaseTickets(interrupted)).purchase?.tickets,
    recovered.tickets,
    'the kiosk retrying the key gets these tickets',
  );
  t.is((await retrying.getProduct(db.productId)).remaining, 6, 'sold + remaining = capacity');
});

/** What a sale left in the database, without the values that differ from sale to sale. */
async function storedSale(em: EntityManager, orderId: string) {
  const order = await em.findOneOrFail(OrderEntity, { id: orderId });
  const tickets = await em.find(TicketEntity, { orderId }, { orderBy: { id: 'asc' } });
  const charges = await em.find(ChargeEntity, { orderId });
  return {
    order: {
      state: order.state,
      lines: order.lines,
      totalMinor: order.totalMinor,
      cardBrand: order.cardBrand,
      cardLast4: order.cardLast4,
      authorized: /^[A-Z0-9]{6}$/.test(order.authorizationCode ?? ''),
      unavailableReason: order.unavailableReason,
      buyerName: BuyerIdentification.decode(order.buyerIdentification!).buyerName,
    },
    tickets: tickets.map((ticket) => ({
      state: ticket.state,
      signatureBytes: ticket.signature?.length,
      entriesAllowed: ticket.entriesAllowed,
    })),
    charges: charges.map((c) => ({
      state: c.state,
      amountMinor: c.amountMinor,
      cardBrand: c.cardBrand,
      cardLast4: c.cardLast4,
      sameAuthorization: c.authorizationCode === order.authorizationCode,
    })),
  };
}

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
