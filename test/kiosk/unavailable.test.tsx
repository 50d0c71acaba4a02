/** The unavailable screen (SPEC §2 step 5): why, in words, that nothing was charged or written, and the ways forward. */
import test from 'ava';
import { render } from 'ink-testing-library';
import { openCardReader } from '../../card/index.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { UnavailabilityReason as R } from '../../gen/cardgate/v1/sales.js';
import { KioskContext } from '../../kiosk/kiosk-context.js';
import { UnavailableScreen } from '../../kiosk/screens/UnavailableScreen.js';
import { CenterClient } from '../../terminal/center-client.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import type { Stack } from '../helpers/stack.js';
import { fillPurchase, kioskOnStack, type KioskDriver } from './kiosk-harness.js';

const TITLES: Array<[R, RegExp, RegExp]> = [
  [R.UNAVAILABILITY_REASON_SOLD_OUT, /Not enough seats left/, /f choose fewer tickets/],
  [R.UNAVAILABILITY_REASON_PAYMENT_DECLINED, /Your card was declined/, /c pay with another credit card/],
  [R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS, /Not enough funds/, /f choose fewer tickets/],
  [R.UNAVAILABILITY_REASON_CARD_EXPIRED, /credit card has expired/, /c pay with another credit card/],
  [R.UNAVAILABILITY_REASON_INVALID_CARD, /card details are not valid/, /c pay with another credit card/],
  [R.UNAVAILABILITY_REASON_SALES_CLOSED, /Sales have closed/, /e choose another event/],
  [R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE, /payment service did not answer/, /c enter the card again and retry/],
  [R.UNAVAILABILITY_REASON_CARD_FULL, /IC card is full/, /m clear used tickets off your IC card/],
  [R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES, /Card payments are paused at this kiosk/, /e choose another event/],
];

for (const [reason, title, next] of TITLES) {
  test(`the unavailable screen explains ${R[reason]} and offers what to do next`, (t) => {
    const center = new CenterClient('127.0.0.1:1', 'unused');
    t.teardown(() => center.close());
    const { lastFrame, unmount } = render(
      <KioskContext.Provider value={{ center, status: { state: 'online', retry: () => undefined } }}>
        <UnavailableScreen
          unavailable={{ reason, message: 'From the center.', productId: '' }}
          onNext={() => undefined}
          onHome={() => undefined}
        />
      </KioskContext.Provider>,
    );
    const frame = lastFrame() ?? '';
    unmount();
    t.regex(frame, title);
    t.regex(frame, /Nothing was charged and nothing was written to your IC card/);
    t.regex(frame, next);
    t.regex(frame, /From the center\./, "the center's own sentence is shown");
    t.true(frame.split('\n').every((line) => line.length <= 80));
  });
}

async function assertNothingHappened(t: import('ava').ExecutionContext, stack: Stack, kiosk: KioskDriver) {
  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  t.teardown(() => reader.close());
  const card = await reader.waitForCard();
  t.is((await card.readImage()).tickets.length, 0, 'nothing written to the card');
  const em = stack.center.orm.em.fork();
  const orders = await em.find(OrderEntity, { cardId: card.id });
  t.is(orders.length, 1, 'the kiosk sent one purchase');
  t.is(orders[0]!.state, 'unavailable');
  const charges = await em.find(ChargeEntity, { orderId: orders[0]!.id });
  t.false(
    charges.some((charge) => charge.state === 'approved'),
    'nothing charged',
  );
}

test('a declined credit card ends on the unavailable screen, nothing charged or written; c goes back to payment', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const product = await createProduct(stack.admin, { name: 'Decline Night', capacity: 10 });
  await fillPurchase(kiosk, { eventName: 'Decline Night', quantity: 2, card: CARDS.declined });
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Your card was declined');
  await assertNothingHappened(t, stack, kiosk);
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 10, 'the seats were given back');
  await kiosk.press('c');
  const payment = await kiosk.waitFor('Payment');
  t.notRegex(payment, /0002/, 'the declined card data is gone');
});

test('an event that sells out while the buyer types ends on the unavailable screen; f offers the seats still left', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const product = await createProduct(stack.admin, { name: 'Last Seats', capacity: 3 });
  await fillPurchase(kiosk, { eventName: 'Last Seats', quantity: 3 });
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Not enough seats left');
  await assertNothingHappened(t, stack, kiosk);
  await kiosk.press('f');
  await kiosk.waitFor(/Up to 1: 1 seat left/);
});

test('an event that sells out entirely while the buyer reviews offers another event, not fewer tickets', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const product = await createProduct(stack.admin, { name: 'All Gone', capacity: 2 });
  await createProduct(stack.admin, { name: 'Other Night', capacity: 20 });
  await fillPurchase(kiosk, { eventName: 'All Gone', quantity: 1 });
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2 }));
  await kiosk.press(KEY.enter);
  const frame = await kiosk.waitFor('This event has sold out');
  t.notRegex(frame, /choose fewer tickets/);
  t.regex(frame, /e choose another event \(Enter\)/);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Choose an event');
});
