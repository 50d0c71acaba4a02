/** The hot on-sale invariant (Jepsen-style): many buyers, few seats; sold + remaining = capacity, and no approved charge without tickets. */
import test from 'ava';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

test('220 concurrent buyers for 50 seats: exactly 50 sold, the rest SOLD_OUT, none oversold', async (t) => {
  // 220 purchases at once on a busy machine can keep the charge terminal's answers past the usual
  // 2 s deadline; what this test proves is the stock, so a late answer must not turn into PAYMENT_UNAVAILABLE.
  const stack = await startStack(t, { center: { chargeDeadlineMs: 15_000 } });
  const product = await createProduct(stack.admin, { capacity: 50 });
  const kiosks = Array.from({ length: 8 }, () => stack.client(stack.tokens.kiosk));
  const responses = await Promise.all(
    Array.from({ length: 220 }, (_, i) =>
      kiosks[i % kiosks.length]!.purchaseTickets(purchaseRequest(product.id, { cardId: cardUid(i) })),
    ),
  );
  const sold = responses.filter((r) => r.purchase);
  t.is(sold.length, 50);
  t.true(
    responses
      .filter((r) => !r.purchase)
      .every((r) => r.unavailable?.reason === UnavailabilityReason.UNAVAILABILITY_REASON_SOLD_OUT),
  );
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 0);

  const em = stack.center.orm.em.fork();
  t.is(await em.count(TicketEntity, { productId: product.id, state: 'issued' }), 50);
  const approved = await em.find(ChargeEntity, { state: 'approved' });
  t.is(approved.length, 50);
  for (const charge of approved)
    t.true((await em.count(TicketEntity, { orderId: charge.orderId, state: 'issued' })) > 0);
});
