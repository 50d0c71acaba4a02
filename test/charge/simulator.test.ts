/** The pure test-mode rules of SPEC §6, without a server. */
import test from 'ava';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { cardBrand, isValidCardNumber, normalizeCardNumber, type CardBrand } from '../../charge/card-number.js';
import { decideCharge, isExpired, randomAuthorizationCode } from '../../charge/simulator.js';
import { card, CARDS, FIXED_NOW } from './charge-harness.js';

const R = UnavailabilityReason;
const reasonOf = (decision: ReturnType<typeof decideCharge>) => (decision.approved ? 'approved' : R[decision.reason]);

test('spaces and dashes between digit groups are ignored', (t) => {
  t.is(normalizeCardNumber('4242 4242-4242 4242'), CARDS.approved);
  t.true(decideCharge(card({ number: '4242 4242 4242 4242' }), FIXED_NOW).approved);
});

test('the Luhn check accepts valid numbers and rejects a changed check digit', (t) => {
  t.true(isValidCardNumber(CARDS.approved));
  t.true(isValidCardNumber('378282246310005'));
  t.false(isValidCardNumber(CARDS.luhnInvalid));
});

test('numbers shorter than 12 or longer than 19 digits are INVALID_CARD even when Luhn-valid', (t) => {
  t.is(reasonOf(decideCharge(card({ number: '42424242426' }), FIXED_NOW)), 'UNAVAILABILITY_REASON_INVALID_CARD');
  t.is(
    reasonOf(decideCharge(card({ number: '42424242424242424242' }), FIXED_NOW)),
    'UNAVAILABILITY_REASON_INVALID_CARD',
  );
});

test('letters in the number, a month outside 1-12 or a CVC that is not 3-4 digits are INVALID_CARD', (t) => {
  for (const bad of [
    { number: '4242a24242424242' },
    { expiryMonth: 0 },
    { expiryMonth: 13 },
    { cvc: '12' },
    { cvc: '12345' },
    { cvc: '12a' },
    { expiryYear: 30 },
  ]) {
    t.is(reasonOf(decideCharge(card(bad), FIXED_NOW)), 'UNAVAILABILITY_REASON_INVALID_CARD', JSON.stringify(bad));
  }
});

test('a card expires at 00:00 UTC on the first day after its expiry month', (t) => {
  t.false(isExpired(3, 2026, new Date('2026-03-31T23:59:59.999Z')));
  t.true(isExpired(3, 2026, new Date('2026-04-01T00:00:00Z')));
  t.false(isExpired(12, 2026, new Date('2026-12-31T23:59:59Z')));
  t.true(isExpired(12, 2026, new Date('2027-01-01T00:00:00Z')));
});

test('an invalid number is INVALID_CARD even when the expiry is also in the past', (t) => {
  t.is(
    reasonOf(decideCharge(card({ number: CARDS.luhnInvalid, expiryYear: 2020 }), FIXED_NOW)),
    'UNAVAILABILITY_REASON_INVALID_CARD',
  );
});

test('an expired decline-test card reports CARD_EXPIRED, not the test decline', (t) => {
  t.is(
    reasonOf(decideCharge(card({ number: CARDS.declined, expiryYear: 2020 }), FIXED_NOW)),
    'UNAVAILABILITY_REASON_CARD_EXPIRED',
  );
});

test('the brand follows the issuer prefix', (t) => {
  const cases: Array<[string, CardBrand]> = [
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['341111111111111', 'amex'],
    ['3530111333300000', 'jcb'],
    ['6011111111111117', 'discover'],
    ['6500000000000002', 'discover'],
    ['3056930009020004', 'unknown'],
  ];
  for (const [number, brand] of cases) t.is(cardBrand(number), brand, number);
});

test('authorization codes are six upper-case alphanumerics', (t) => {
  for (let i = 0; i < 50; i++) t.regex(randomAuthorizationCode(), /^[A-Z0-9]{6}$/);
});
