/** TransferCharge over real gRPC: each test-mode rule of SPEC §6 gives its answer. */
import test from 'ava';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { card, CARDS, startCharge, transferRequest } from './charge-harness.js';

const R = UnavailabilityReason;

test('a valid card is approved with a six-character authorization code', async (t) => {
  const charge = await startCharge(t);
  const response = await charge.transfer(transferRequest());
  t.true(response.approved);
  t.regex(response.authorizationCode, /^[A-Z0-9]{6}$/);
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_UNSPECIFIED);
});

test('the response names the brand and the last four digits', async (t) => {
  const charge = await startCharge(t);
  const visa = await charge.transfer(transferRequest());
  t.is(visa.cardBrand, 'visa');
  t.is(visa.cardLast4, '4242');
  const amex = await charge.transfer(
    transferRequest({ creditCard: card({ number: '3782 822463 10005', cvc: '1234' }) }),
  );
  t.is(amex.cardBrand, 'amex');
  t.is(amex.cardLast4, '0005');
});

test('4000000000000002 is declined with PAYMENT_DECLINED', async (t) => {
  const charge = await startCharge(t);
  const response = await charge.transfer(transferRequest({ creditCard: card({ number: CARDS.declined }) }));
  t.false(response.approved);
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_PAYMENT_DECLINED);
  t.is(response.authorizationCode, '');
  t.truthy(response.message);
});

test('4000000000009995 is declined with INSUFFICIENT_FUNDS', async (t) => {
  const charge = await startCharge(t);
  const response = await charge.transfer(transferRequest({ creditCard: card({ number: CARDS.insufficientFunds }) }));
  t.false(response.approved);
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS);
});

test('a card that expired last month is declined with CARD_EXPIRED', async (t) => {
  const charge = await startCharge(t, { now: () => new Date('2026-03-15T12:00:00Z') });
  const response = await charge.transfer(transferRequest({ creditCard: card({ expiryMonth: 2, expiryYear: 2026 }) }));
  t.false(response.approved);
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_CARD_EXPIRED);
});

test('a card is still approved on the last day of its expiry month', async (t) => {
  const charge = await startCharge(t, { now: () => new Date('2026-02-28T23:59:59Z') });
  const response = await charge.transfer(transferRequest({ creditCard: card({ expiryMonth: 2, expiryYear: 2026 }) }));
  t.true(response.approved);
});

test('a card is CARD_EXPIRED on the first day of the month after its expiry month', async (t) => {
  const charge = await startCharge(t, { now: () => new Date('2026-03-01T00:00:00Z') });
  const response = await charge.transfer(transferRequest({ creditCard: card({ expiryMonth: 2, expiryYear: 2026 }) }));
  t.false(response.approved);
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_CARD_EXPIRED);
});

test('a Luhn-invalid number is declined with INVALID_CARD', async (t) => {
  const charge = await startCharge(t);
  const response = await charge.transfer(transferRequest({ creditCard: card({ number: CARDS.luhnInvalid }) }));
  t.false(response.approved);
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_INVALID_CARD);
});

test('an empty card number is a decline (INVALID_CARD), not a malformed request', async (t) => {
  const charge = await startCharge(t);
  const response = await charge.transfer(transferRequest({ creditCard: card({ number: '' }) }));
  t.is(response.declineReason, R.UNAVAILABILITY_REASON_INVALID_CARD);
});
