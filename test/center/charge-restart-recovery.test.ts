/**
 * Both ends of a sale crash: the center dies while its charge is being
 * approved, then the charge terminal is killed (SIGKILL) and restarted on its
 * ledger file. The next center's recovery asks GetCharge, learns the charge
 * was approved, and issues the tickets: the buyer who paid gets them.
 */
import test from 'ava';
import { pino } from 'pino';
import { ChargeState } from '../../gen/cardgate/v1/charge.js';
import { centerConfig } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { CenterClient } from '../../terminal/center-client.js';
import { connectCharge } from '../charge/charge-harness.js';
import { prepareDatabase, startCenterProcess } from '../helpers/center-process.js';
import { startChargeProcess } from '../helpers/charge-process.js';
import { purchaseRequest } from '../helpers/factories.js';
import { waitUntil } from '../helpers/wait.js';

test('a sale whose center died mid-charge and whose charge terminal restarted is finished with tickets (claim 6)', async (t) => {
  // The terminal takes 3 s to decide, and decides even after the center that asked is gone.
  const terminal = await startChargeProcess(t, ['--latency-ms', '3000'], { LOG_LEVEL: 'debug' });
  const charge = connectCharge(t, terminal.address);
  const db = await prepareDatabase(t, { capacity: 10 });
  const em = (await db.open()).em.fork();

  const first = await startCenterProcess(db.dbPath, terminal.address);
  t.teardown(() => first.kill());
  const kiosk = new CenterClient(first.address, db.kioskToken, { timeoutMs: 5_000 });
  t.teardown(() => kiosk.close());
  const request = purchaseRequest(db.productId, { quantity: 2, cardId: '04B0B0B0B0B0B0' });
  const inFlight = kiosk.purchaseTickets(request).catch(() => undefined);
  const order = await waitUntil('the sale reserved', () =>
    em
      .fork()
      .findOne(OrderEntity, { idempotencyKey: request.idempotencyKey, state: 'pending' })
      .then((found) => found ?? undefined),
  );
  const [chargeRow] = await em.fork().find(ChargeEntity, { orderId: order.id });
  // Killed once the request has reached the terminal, while it is still deciding.
  await waitUntil(
    'the terminal to receive the charge request',
    () => terminal.output().includes(`"chargeId":"${chargeRow!.id}","msg":"charge request received"`),
    { seen: () => terminal.output().slice(-2000) },
  );
  first.kill();
  await inFlight;
  const approved = await waitUntil(
    'the terminal to approve the charge',
    async () => {
      const record = await charge.get(chargeRow!.id).catch(() => undefined);
      return record?.state === ChargeState.CHARGE_STATE_APPROVED && record;
    },
    { timeoutMs: 15_000, everyMs: 100 },
  );

  await terminal.kill();
  await terminal.restart();

  const second = await createCenter(
    centerConfig({
      listen: '127.0.0.1:0',
      database: { kind: 'sqlite', path: db.dbPath },
      charge: terminal.address,
      staleReservationMs: 0,
      sweepIntervalMs: 100,
      logger: pino({ level: 'silent' }),
    }),
  );
  t.teardown(() => second.stop());
  await second.listen();
  const ended = await waitUntil(
    'the recovery to end the sale',
    async () => {
      const found = await em.fork().findOneOrFail(OrderEntity, { id: order.id });
      return found.state !== 'pending' && found;
    },
    { timeoutMs: 20_000, everyMs: 100 },
  );

  t.is(ended.state, 'issued', 'the paid sale has tickets, not a reversal');
  t.is(ended.authorizationCode, approved.authorizationCode);
  t.is(await em.fork().count(TicketEntity, { orderId: order.id, state: 'issued' }), 2);
  t.is((await charge.get(chargeRow!.id)).state, ChargeState.CHARGE_STATE_APPROVED, 'the charge stands');
});
