/**
 * ListProductStats (SPEC §10, the operator's view): sold, reserved, admitted and inside per
 * product, counted by the database after real sales, entries, exits, annulments and a cancellation.
 */
import test from 'ava';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import { DAY, TestClock } from '../helpers/clock.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

test('per product: sold, admitted and inside follow entries, exits, annulments and cancellations', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const jazz = await createProduct(stack.admin, {
    name: 'Jazz',
    capacity: 10,
    allowReentry: true,
    startsAt: new Date(clock.now().getTime() + 2 * DAY),
  });
  const folk = await createProduct(stack.admin, {
    name: 'Folk',
    capacity: 5,
    startsAt: new Date(clock.now().getTime() + DAY),
  });
  const buy = async (productId: string, n: number, quantity = 1) =>
    (await stack.kiosk.purchaseTickets(purchaseRequest(productId, { cardId: cardUid(n), quantity }))).purchase!;
  const a = await buy(jazz.id, 1, 3);
  const b = await buy(jazz.id, 2);
  const c = await buy(folk.id, 3);
  const move = (ticketIndex: number, card: number, gateId: string, direction = Direction.DIRECTION_ENTRY) =>
    stack.gate.redeemTicket({
      gateId,
      cardId: cardUid(card),
      ticket: (card === 1 ? a : card === 2 ? b : c).tickets[ticketIndex]!,
      dryRun: false,
      direction,
    });
  t.true((await move(0, 1, 'G1')).admitted);
  t.true((await move(1, 1, 'G1')).admitted);
  t.true((await move(1, 1, 'G2', Direction.DIRECTION_EXIT)).admitted, 'one of them goes out again');
  t.true((await move(0, 2, 'G1')).admitted);
  await stack.gate.annulRedemption({ gateId: 'G1', ticketId: b.tickets[0]!.ticket!.ticketId });
  await stack.admin.cancelOrder({ orderId: c.orderId });

  const stats = await stack.admin.listProductStats();
  t.deepEqual(
    stats.map((s) => [s.product!.name, s.sold, s.reserved, s.admitted, s.inside, s.product!.remaining, s.onSale]),
    [
      ['Folk', 0, 0, 0, 0, 5, true],
      ['Jazz', 4, 0, 2, 1, 6, true],
    ],
  );

  clock.advance(400 * DAY);
  t.deepEqual(await stack.admin.listProductStats(), [], 'products whose admission closed long ago are left out');
  t.is((await stack.admin.listProductStats(true)).length, 2, 'unless asked for');
  t.false((await stack.admin.listProductStats(true))[1]!.onSale);
});
