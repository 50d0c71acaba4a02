/** The kiosk's phases as a pure reducer: what each step keeps, and where the card data and the idempotency key live. */
import test from 'ava';
import { HOME, kioskReducer, type KioskAction, type KioskPhase } from '../../kiosk/flow/kiosk-state.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { EMPTY_PAYMENT } from '../../kiosk/payment.js';
import type { Product } from '../../gen/cardgate/v1/catalog.js';

const product = { id: 'PRD-1', name: 'Jazz Night' } as Product;
const card = { id: '04AABBCCDDEEFF', freeBytes: 800 };
const buyer = { name: 'Hanako Yamada', email: '' };
const payment = { number: '4242424242424242', expiry: '1230', cvc: '123' };
const run = (from: KioskPhase, ...actions: KioskAction[]) => actions.reduce(kioskReducer, from);
const toReview: KioskAction[] = [
  { type: 'open', screen: 'catalog' },
  { type: 'choose-product', product },
  { type: 'set-quantity', quantity: 2, card },
  { type: 'set-buyer', buyer },
  { type: 'set-payment', payment },
];

test('confirm takes the key it is given, once: a second Enter finds the purchase under way', (t) => {
  const paying = run(
    HOME,
    ...toReview,
    { type: 'confirm', idempotencyKey: 'key-1' },
    { type: 'confirm', idempotencyKey: 'key-2' },
  );
  t.like(paying, {
    kind: 'processing',
    idempotencyKey: 'key-1',
    payment,
    order: { quantity: 2, buyer, product, card },
  });
});

test('back from payment, giving up, or an unavailable answer leaves no card data behind', (t) => {
  t.deepEqual(
    run(HOME, ...toReview, { type: 'back' }),
    { kind: 'payment', order: { quantity: 2, buyer, product, card }, payment },
    'back from review keeps it to edit',
  );
  t.false('payment' in run(HOME, ...toReview, { type: 'back' }, { type: 'back' }));
  const paying = run(HOME, ...toReview, { type: 'confirm', idempotencyKey: 'k' });
  t.like(run(paying, { type: 'abandon' }), { kind: 'payment', payment: EMPTY_PAYMENT });
  const unavailable = run(paying, {
    type: 'unavailable',
    unavailable: { reason: UnavailabilityReason.UNAVAILABILITY_REASON_SOLD_OUT, message: '', productId: product.id },
  });
  t.false('payment' in unavailable);
  t.like(run(unavailable, { type: 'next', next: 'payment' }), { kind: 'payment', payment: EMPTY_PAYMENT });
});

test('the buyer details stay while the buyer goes back, and Home forgets everything', (t) => {
  const unavailable = run(
    HOME,
    ...toReview,
    { type: 'confirm', idempotencyKey: 'k' },
    {
      type: 'unavailable',
      unavailable: { reason: UnavailabilityReason.UNAVAILABILITY_REASON_SOLD_OUT, message: '', productId: product.id },
    },
  );
  t.deepEqual(run(unavailable, { type: 'next', next: 'quantity' }), {
    kind: 'quantity',
    draft: { quantity: 2, buyer },
    product,
  });
  t.like(run(unavailable, { type: 'next', next: 'catalog' }, { type: 'choose-product', product }), {
    kind: 'quantity',
    draft: { quantity: 1, buyer },
  });
  t.deepEqual(run(unavailable, { type: 'reset' }), HOME);
  t.like(run(unavailable, { type: 'reset' }, { type: 'open', screen: 'catalog' }), {
    kind: 'catalog',
    draft: { buyer: { name: '' } },
  });
});
