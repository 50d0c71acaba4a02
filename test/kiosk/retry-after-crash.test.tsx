/**
 * The center killed (SIGKILL) while the kiosk's purchase is in flight and
 * restarted on the same address and database: the buyer presses r, the
 * kiosk sends the same request with the same idempotency key, and the
 * purchase completes exactly once — one approved charge, one set of tickets.
 */
import test from 'ava';
import { credentials } from '@grpc/grpc-js';
import { createChargeServer } from '../../charge/server.js';
import { openCardReader } from '../../card/index.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { ChargeState, ChargeTransferServiceClient } from '../../gen/cardgate/v1/charge.js';
import { CenterClient } from '../../terminal/center-client.js';
import { unary } from '../../terminal/rpc.js';
import { prepareDatabase, startCenterProcess, untilOrderPending } from '../helpers/center-process.js';
import { KEY } from '../helpers/ink.js';
import { fillPurchase, renderKiosk } from './kiosk-harness.js';

test('claim 16: SIGKILL mid-purchase, restart, r: the retry completes the purchase exactly once', async (t) => {
  const charge = createChargeServer({ latencyMs: 1_500 });
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const db = await prepareDatabase(t, { name: 'Crash Night', capacity: 10 });
  const first = await startCenterProcess(db.dbPath, chargeAddress);
  t.teardown(() => first.kill());
  const center = new CenterClient(first.address, db.kioskToken, { timeoutMs: 5_000 });
  t.teardown(() => center.close());
  const kiosk = await renderKiosk(t, center);

  await fillPurchase(kiosk, { eventName: 'Crash Night', quantity: 2, name: 'Taro Yamada' });
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Paying and issuing your tickets');
  // Kill once the center has reserved the seats and is waiting for the charge terminal (it takes 1.5 s).
  const orm = await db.open();
  const em = orm.em.fork();
  await untilOrderPending(em);
  first.kill();
  await kiosk.waitFor('Press r to try again');

  const second = await startCenterProcess(db.dbPath, chargeAddress, ['--listen', first.address]);
  t.teardown(() => second.kill());
  // The buyer presses r whenever the kiosk offers it, until the tickets are read back.
  for (let attempt = 0; attempt < 30 && !kiosk.frame().includes('read back'); attempt++) {
    if (kiosk.frame().includes('Press r to try again')) {
      await kiosk.press('r');
      await kiosk.waitForGone('Press r to try again', 20_000);
    }
    await kiosk.waitFor(/read back|Press r to try again/, 20_000);
  }
  const done = await kiosk.waitFor('read back');
  t.is(done.match(/★ Crash Night/g)?.length, 2);

  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  t.teardown(() => reader.close());
  const card = await reader.waitForCard();
  t.is((await card.readImage()).tickets.length, 2, 'one set of tickets on the card');

  em.clear();
  const orders = await em.find(OrderEntity, { cardId: card.id });
  t.is(orders.length, 1, 'one order for the one idempotency key');
  t.is(orders[0]!.state, 'issued');
  t.is(await em.count(TicketEntity, { orderId: orders[0]!.id, state: 'issued' }), 2);
  const terminal = new ChargeTransferServiceClient(chargeAddress, credentials.createInsecure());
  t.teardown(() => terminal.close());
  let approved = 0;
  for (const row of await em.find(ChargeEntity, { orderId: orders[0]!.id })) {
    const record = await unary(terminal.getCharge.bind(terminal), { chargeId: row.id }, 5_000);
    if (record.state === ChargeState.CHARGE_STATE_APPROVED) approved++;
  }
  t.is(approved, 1, 'charged exactly once');
});
