/**
 * The card-testing defence end to end (issue 14, item 5): a real center and
 * charge terminal, the simulator's declining numbers, and the center's clock
 * moved forward to end the cool-down.
 */
import test from 'ava';
import { UnavailabilityReason as R } from '../../gen/cardgate/v1/sales.js';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { TestClock } from '../helpers/clock.js';
import { CARDS, createProduct, holdsTestCvc, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

const MINUTE = 60_000;
const LIMIT = 3;

test('after N declines from one kiosk its purchases are TOO_MANY_DECLINES, uncharged, until the window has passed (claim 6)', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, {
    center: { now: clock.now, declineRule: { limit: LIMIT, windowMs: 10 * MINUTE } },
  });
  const product = await createProduct(stack.admin, { capacity: 20 });
  const remaining = async () => (await stack.kiosk.getProduct(product.id)).remaining;
  const chargeRequests = () =>
    stack
      .logs()
      .split('\n')
      .filter((line) => line.includes('charge request received')).length;
  const warnings = () =>
    stack
      .logs()
      .split('\n')
      .filter((line) => line.includes('card testing suspected'));

  const paid = purchaseRequest(product.id);
  const bought = await stack.kiosk.purchaseTickets(paid);
  t.truthy(bought.purchase);
  const declining = [CARDS.declined, CARDS.insufficientFunds, CARDS.luhnInvalid];
  for (const cardNumber of declining) {
    const declined = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardNumber }));
    t.not(declined.unavailable?.reason, R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES, 'declines below the limit are sold');
    t.truthy(declined.unavailable);
  }
  t.is(warnings().length, 1, 'the operator is warned when the cool-down starts');
  const warning = JSON.parse(warnings()[0]!) as Record<string, unknown>;
  t.like(warning, { level: 40, terminal: 'kiosk-1', declines: LIMIT, windowS: 600 });
  for (const number of Object.values(CARDS)) t.false(warnings()[0]!.includes(number));

  const before = { requests: chargeRequests(), seats: await remaining() };
  const held = purchaseRequest(product.id);
  const refused = await stack.kiosk.purchaseTickets(held);
  t.is(refused.unavailable?.reason, R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES);
  t.regex(refused.unavailable!.message, /paused for 10 min/);
  t.is(chargeRequests(), before.requests, 'no charge request reached the terminal');
  t.is(await remaining(), before.seats, 'no seat was taken');
  const em = stack.center.orm.em.fork();
  t.is(await em.count(OrderEntity, { idempotencyKey: held.idempotencyKey }), 0, 'nothing recorded for the key');
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardNumber: CARDS.declined }));
  t.is(warnings().length, 1, 'warned once per cool-down');
  t.is(chargeRequests(), before.requests);

  t.deepEqual(await stack.kiosk.purchaseTickets(paid), bought, 'a paid sale is still replayed during the cool-down');
  const { token } = await createTerminalToken(em, 'kiosk-2', 'kiosk');
  t.truthy((await stack.client(token).purchaseTickets(purchaseRequest(product.id))).purchase, 'another kiosk sells');

  clock.advance(9 * MINUTE);
  t.is((await stack.kiosk.purchaseTickets(held)).unavailable?.reason, R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES);
  clock.advance(1 * MINUTE);
  const after = await stack.kiosk.purchaseTickets(held);
  t.is(after.purchase?.tickets.length, 1, 'the refused key buys once the window has passed');
  t.is(chargeRequests(), before.requests + 2);
  const logs = stack.logs();
  t.false(holdsTestCvc(logs), 'no CVC logged');
  t.is(await em.fork().count(ChargeEntity, { orderId: after.purchase!.orderId }), 1);
});
