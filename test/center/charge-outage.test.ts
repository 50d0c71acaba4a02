/** The charge-transfer terminal down or too slow: PAYMENT_UNAVAILABLE, stock back, nothing left charged, and the buyer may retry. */
import test from 'ava';
import { credentials } from '@grpc/grpc-js';
import { ChargeState, ChargeTransferServiceClient } from '../../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { unary } from '../../terminal/rpc.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { buyWithChargeDown, startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

test('with the charge terminal down a purchase is PAYMENT_UNAVAILABLE and the stock is back', async (t) => {
  const stack = await startStack(t, { noCharge: true });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  t.is(response.unavailable?.reason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);
});

test('a charge terminal slower than the deadline is PAYMENT_UNAVAILABLE, and its late approval is voided', async (t) => {
  const stack = await startStack(t, { chargeLatencyMs: 800, center: { chargeDeadlineMs: 300 } });
  const product = await createProduct(stack.admin, { capacity: 5 });
  const response = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.is(response.unavailable?.reason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);

  // Whatever the terminal decided, the charge ends reversed or voided: nothing stays charged.
  const [charge] = await stack.center.orm.em.fork().find(ChargeEntity, {});
  const terminal = new ChargeTransferServiceClient(stack.chargeAddress, credentials.createInsecure());
  t.teardown(() => terminal.close());
  // The slow TransferCharge finishes on the terminal after the center gave up: wait for the terminal to log it.
  const finished = (line: string) => line.includes(charge!.id) && /"msg":"charge (decided|refused)/.test(line);
  await waitUntil('the late TransferCharge to finish on the terminal', () => stack.logs().split('\n').some(finished), {
    seen: () => stack.logs().slice(-2000),
  });
  const record = await unary(terminal.getCharge.bind(terminal), { chargeId: charge!.id }, 5000);
  t.true(
    [ChargeState.CHARGE_STATE_REVERSED, ChargeState.CHARGE_STATE_VOIDED].includes(record.state),
    ChargeState[record.state],
  );
});

test('PAYMENT_UNAVAILABLE is not replayed: the same key buys once the terminal is back, with one charge', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const request = purchaseRequest(product.id, { quantity: 2 });
  t.is(await buyWithChargeDown(stack, request), UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);

  await stack.startCharge();
  // Like a kiosk: retry the same request while the payment service is still reconnecting.
  let retried = await stack.kiosk.purchaseTickets(request);
  for (
    let attempt = 0;
    attempt < 3 && retried.unavailable?.reason === UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE;
    attempt++
  ) {
    retried = await stack.kiosk.purchaseTickets(request);
  }
  t.is(retried.purchase?.tickets.length, 2);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 3);
  t.is(await stack.center.orm.em.fork().count(ChargeEntity, { state: 'approved' }), 1);
});
