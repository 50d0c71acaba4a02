/** The payment form's local rules: early feedback only, the charge terminal decides (SPEC §6 test numbers). */
import test from 'ava';
import { formatExpiry, groupDigits, luhnValid, maskCardNumber, paymentErrors } from '../../kiosk/payment.js';
import { buyerErrors, sameName } from '../../kiosk/buyer.js';
import { CARDS } from '../helpers/factories.js';

const NOW = new Date('2026-11-25T12:00:00Z');

test('Luhn accepts the simulator’s test numbers and refuses a changed digit', (t) => {
  t.true(luhnValid(CARDS.approved));
  t.true(luhnValid(CARDS.declined));
  t.true(luhnValid(CARDS.insufficientFunds));
  t.false(luhnValid(CARDS.luhnInvalid));
  t.false(luhnValid('4242'));
});

test('the number is grouped in fours while typed and masked but the last four once entered', (t) => {
  t.is(groupDigits('424242424242'), '4242 4242 4242');
  t.is(maskCardNumber('4242424242424242'), '•••• •••• •••• 4242');
  t.is(maskCardNumber('378282246310005'), '•••• •••• •••0 005', '15 digits: the last four are still the last four');
  t.is(formatExpiry('122'), '12/2');
});

test('expiry: MM/YY, a month that exists, not before this month', (t) => {
  const errors = (expiry: string) => paymentErrors({ number: CARDS.approved, expiry, cvc: '123' }, NOW).expiry;
  t.is(errors('1126'), undefined, 'valid through the end of its month');
  t.is(errors('1026'), 'This card has expired.');
  t.regex(errors('1326') ?? '', /MM\/YY/);
  t.regex(errors('12') ?? '', /MM\/YY/);
});

test('CVC: 3 or 4 digits; a valid form has no errors', (t) => {
  t.regex(paymentErrors({ number: CARDS.approved, expiry: '1230', cvc: '12' }, NOW).cvc ?? '', /3 or 4 digit/);
  t.deepEqual(paymentErrors({ number: CARDS.approved, expiry: '1230', cvc: '1234' }, NOW), {});
});

test('buyer: name required, e-mail optional but checked; names compare as a person would', (t) => {
  t.truthy(buyerErrors({ name: '  ', email: '' }).name);
  t.deepEqual(buyerErrors({ name: 'Ken', email: '' }), {});
  t.truthy(buyerErrors({ name: 'Ken', email: 'ken@home' }).email);
  t.true(sameName(' Hanako  YAMADA ', 'hanako yamada'));
  t.false(sameName('Hanako', 'Hanako Yamada'));
});
