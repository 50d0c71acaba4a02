/** CancelOrder: the tickets stop admitting, unused seats go back on sale, and the charge is reversed. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { OrderState } from '../../gen/cardgate/v1/sales.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack, type Stack } from '../helpers/stack.js';

test('a cancelled order gives its seats back once and its charge ends reversed', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 3);

  const cancelled = await stack.admin.cancelOrder({ orderId: purchase!.orderId, reason: 'refund' });
  t.is(cancelled.order!.state, OrderState.ORDER_STATE_CANCELLED);
  t.false(cancelled.alreadyCancelled);
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

  const again = await stack.admin.cancelOrder({ orderId: purchase!.orderId, reason: 'again' });
  t.is(again.order!.state, OrderState.ORDER_STATE_CANCELLED);
  t.true(again.alreadyCancelled, 'the second cancellation says the order was already cancelled');
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5, 'a second cancellation gives nothing back');
  t.is(stack.logs().match(/"order cancelled"/g)?.length, 1, 'one cancellation is logged, not two');
});

const admit = (stack: Stack, ticket: CardTicket) =>
  stack.gate.redeemTicket({ gateId: 'G1', cardId: '04A1B2C3D4E5F6', ticket, dryRun: false });

test('an order with an admitted ticket is not cancelled without force: its seats and charge stay', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  t.true((await admit(stack, purchase!.tickets[0]!)).admitted);

  const refused = await t.throwsAsync(stack.admin.cancelOrder({ orderId: purchase!.orderId, reason: 'refund' }));
  t.is(grpcCode(refused), status.FAILED_PRECONDITION);
  t.regex(refused!.message, new RegExp(`${purchase!.tickets[0]!.ticket!.ticketId}.*gate G1`));
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 3);
  const em = stack.center.orm.em.fork();
  t.deepEqual(
    (await em.find(ChargeEntity, { orderId: purchase!.orderId })).map((charge) => charge.state),
    ['approved'],
  );
  t.true((await admit(stack, purchase!.tickets[1]!)).admitted, 'the other ticket still admits');
});

test('a forced cancellation of a used order keeps the used seat sold and cancels the rest', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  t.true((await admit(stack, purchase!.tickets[0]!)).admitted);

  const forced = await stack.admin.cancelOrder({ orderId: purchase!.orderId, reason: 'refund', force: true });
  t.is(forced.order!.state, OrderState.ORDER_STATE_CANCELLED);
  t.is(forced.usedTickets, 1);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 4, 'only the unused seat goes back on sale');
  const unused = await admit(stack, purchase!.tickets[1]!);
  t.false(unused.admitted);
  t.is(unused.reason, RejectReason.REJECT_REASON_CANCELLED);
  const em = stack.center.orm.em.fork();
  t.deepEqual(
    (await em.find(ChargeEntity, { orderId: purchase!.orderId })).map((charge) => charge.state),
    ['reversed'],
  );
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
