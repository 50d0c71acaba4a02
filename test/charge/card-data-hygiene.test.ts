/** SPEC §6: the terminal never logs or returns a full card number or a CVC; only brand and last four. */
import test from 'ava';
import { card, CARDS, startCharge, holdsTestCvc, transferRequest } from './charge-harness.js';

test('logs of a run with approvals, declines, replays, reversals and errors hold no card number or CVC', async (t) => {
  const charge = await startCharge(t);
  const numbers = [CARDS.approved, CARDS.declined, CARDS.insufficientFunds, CARDS.luhnInvalid, '5555555555554444'];
  for (const number of numbers) {
    const request = transferRequest({ creditCard: card({ number }) });
    await charge.transfer(request);
    await charge.transfer(request);
    await charge.reverse(request.chargeId);
  }
  const expired = transferRequest({ creditCard: card({ expiryYear: 2020 }) });
  await charge.transfer(expired);
  await t.throwsAsync(charge.transfer({ ...expired, amount: { currencyCode: 'EUR', amountMinor: 1 } }));
  await charge.transfer(transferRequest({ creditCard: card({ number: '4242 4242 4242 4242' }) }));

  const logs = charge.logs();
  t.true(
    logs.split('\n').filter((line) => line.includes('charge decided')).length >= numbers.length,
    'a line per decision',
  );
  t.regex(logs, /"last4":"4242"/);
  for (const number of numbers) t.false(logs.includes(number), `log holds ${number}`);
  t.false(logs.includes('4242 4242 4242 4242'));
  t.false(holdsTestCvc(logs), 'log holds the CVC');
});

test('a decision log line names charge id, brand, last four, amount and outcome', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest({ creditCard: card({ number: CARDS.insufficientFunds }) });
  await charge.transfer(request);
  const line = charge
    .logs()
    .split('\n')
    .find((text) => text.includes('charge decided'));
  const entry = JSON.parse(line!) as Record<string, unknown>;
  t.like(entry, {
    chargeId: request.chargeId,
    brand: 'visa',
    last4: '9995',
    amount: { currencyCode: 'EUR', amountMinor: 2500 },
    outcome: 'declined',
    reason: 'INSUFFICIENT_FUNDS',
  });
});

test('GetCharge answers hold only brand and last four of the card', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  const text = JSON.stringify(await charge.get(request.chargeId));
  t.false(text.includes(CARDS.approved));
  t.false(holdsTestCvc(text));
});
