/** On PostgreSQL every way a sale ends writes as on SQLite: refusals before and after the charge, a retry after an outage, a cancellation. */
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { postgresTest } from '../helpers/postgres.js';
import { startStack } from '../helpers/stack.js';

const R = UnavailabilityReason;

postgresTest(
  'on PostgreSQL declines, closed sales, an outage and a cancellation each end with every seat accounted for',
  async (t, url) => {
    const stack = await startStack(t, { center: { database: { kind: 'postgres', url } } });
    const product = await createProduct(stack.admin, { capacity: 5 });
    const remaining = async () => (await stack.kiosk.getProduct(product.id)).remaining;

    const decline = purchaseRequest(product.id, { quantity: 2, cardNumber: CARDS.insufficientFunds });
    const declined = await stack.kiosk.purchaseTickets(decline);
    t.is(declined.unavailable?.reason, R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS);
    t.deepEqual(await stack.kiosk.purchaseTickets(decline), declined, 'a decline is replayed');
    t.is(await remaining(), 5);

    const closed = await createProduct(stack.admin, { salesCloseAt: new Date(Date.now() - 60_000) });
    const closedResponse = await stack.kiosk.purchaseTickets(purchaseRequest(closed.id));
    t.is(closedResponse.unavailable?.reason, R.UNAVAILABILITY_REASON_SALES_CLOSED);
    t.is(closedResponse.unavailable?.productId, closed.id);

    const request = purchaseRequest(product.id, { quantity: 2 });
    await stack.stopCharge();
    t.is((await stack.kiosk.purchaseTickets(request)).unavailable?.reason, R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
    t.is(await remaining(), 5);
    await stack.startCharge();
    let retried = await stack.kiosk.purchaseTickets(request);
    for (
      let attempt = 0;
      attempt < 3 && retried.unavailable?.reason === R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE;
      attempt++
    ) {
      retried = await stack.kiosk.purchaseTickets(request);
    }
    t.is(retried.purchase?.tickets.length, 2, 'the same key buys once the terminal is back');
    t.is(await remaining(), 3);

    await stack.admin.cancelOrder({ orderId: retried.purchase!.orderId, reason: 'refund' });
    t.is(await remaining(), 5);
    const charges = await stack.center.orm.em
      .fork()
      .find(ChargeEntity, { orderId: retried.purchase!.orderId }, { orderBy: { createdAt: 'asc' } });
    t.is(charges.at(-1)?.state, 'reversed');
    t.true(
      charges.slice(0, -1).every((charge) => ['reversed', 'reverse_pending'].includes(charge.state)),
      "the outage's charges were voided",
    );
  },
);
