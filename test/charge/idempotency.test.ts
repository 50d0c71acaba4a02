/** TransferCharge is idempotent per charge_id: a retry never charges twice, a reused id with other data is refused. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { grpcCode } from '../helpers/grpc.js';
import { card, CARDS, startCharge, transferRequest } from './charge-harness.js';

test('a retried TransferCharge with the same charge_id returns the first answer and authorization code', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  const first = await charge.transfer(request);
  const second = await charge.transfer(request);
  t.true(first.approved);
  t.deepEqual(second, first);
});

test('concurrent requests with one charge_id all get the same authorization code', async (t) => {
  const charge = await startCharge(t, { latencyMs: 50 });
  const request = transferRequest();
  const answers = await Promise.all(Array.from({ length: 8 }, () => charge.transfer(request)));
  t.is(new Set(answers.map((answer) => answer.authorizationCode)).size, 1);
});

test('a retried decline is declined again with the same reason', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest({ creditCard: card({ number: CARDS.insufficientFunds }) });
  const first = await charge.transfer(request);
  t.deepEqual(await charge.transfer(request), first);
});

test('the same charge_id with another amount is INVALID_ARGUMENT', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  const error = await t.throwsAsync(
    charge.transfer({ ...request, amount: { currencyCode: 'EUR', amountMinor: 9900 } }),
  );
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
});

test('the same charge_id with another card is INVALID_ARGUMENT', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  const error = await t.throwsAsync(charge.transfer({ ...request, creditCard: card({ number: '5555555555554444' }) }));
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
});

test('the same charge_id with another expiry is INVALID_ARGUMENT', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  const error = await t.throwsAsync(charge.transfer({ ...request, creditCard: card({ expiryYear: 2031 }) }));
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
});
