/** CancelOrder: the tickets stop admitting, the seats go back on sale, and the charge is reversed. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { OrderState } from '../../gen/cardgate/v1/sales.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack } from '../helpers/stack.js';

test('a cancelled order gives its seats back once and its charge ends reversed', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 3);

  const cancelled = await stack.admin.cancelOrder({ orderId: purchase!.orderId, reason: 'refund' });
  t.is(cancelled.state, OrderState.ORDER_STATE_CANCELLED);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);
  const em = stack.center.orm.em.fork();
  t.deepEqual(
    (await em.find(TicketEntity, { orderId: purchase!.orderId })).map((ticket) => ticket.state),
    ['cancelled', 'cancelled'],
  );
  t.deepEqual(
    (await em.find(ChargeEntity, { orderId: purchase!.orderId })).map((charge) => charge.state),
    ['reversed'],
  );

  t.is(
    (await stack.admin.cancelOrder({ orderId: purchase!.orderId, reason: 'again' })).state,
    OrderState.ORDER_STATE_CANCELLED,
  );
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5, 'a second cancellation gives nothing back');
});

test('an order that was never issued cannot be cancelled', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const declined = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardNumber: CARDS.declined }));
  const [order] = await stack.admin.listOrders();
  t.truthy(declined.unavailable);
  t.is(
    grpcCode(await t.throwsAsync(stack.admin.cancelOrder({ orderId: order!.orderId, reason: '' }))),
    status.FAILED_PRECONDITION,
  );
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);
});
