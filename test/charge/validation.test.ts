/** Malformed requests are INVALID_ARGUMENT naming the field; nothing is recorded for them. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { grpcCode } from '../helpers/grpc.js';
import { startCharge, transferRequest } from './charge-harness.js';

const cases = [
  { name: 'a missing charge_id', request: transferRequest({ chargeId: '' }), field: 'charge_id' },
  { name: 'a missing amount', request: transferRequest({ amount: undefined }), field: 'amount' },
  {
    name: 'a zero amount',
    request: transferRequest({ amount: { currencyCode: 'EUR', amountMinor: 0 } }),
    field: 'amount.amount_minor',
  },
  {
    name: 'a negative amount',
    request: transferRequest({ amount: { currencyCode: 'EUR', amountMinor: -100 } }),
    field: 'amount.amount_minor',
  },
  {
    name: 'a missing currency code',
    request: transferRequest({ amount: { currencyCode: '', amountMinor: 100 } }),
    field: 'amount.currency_code',
  },
  { name: 'a missing credit_card', request: transferRequest({ creditCard: undefined }), field: 'credit_card' },
];

for (const { name, request, field } of cases) {
  test(`TransferCharge with ${name} is INVALID_ARGUMENT naming ${field}`, async (t) => {
    const charge = await startCharge(t);
    const error = await t.throwsAsync(charge.transfer(request));
    t.is(grpcCode(error), status.INVALID_ARGUMENT);
    t.true(error!.message.includes(field), error!.message);
  });
}

test('ReverseCharge without a charge_id is INVALID_ARGUMENT', async (t) => {
  const charge = await startCharge(t);
  const error = await t.throwsAsync(charge.reverse(''));
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
});

test('GetCharge without a charge_id is INVALID_ARGUMENT', async (t) => {
  const charge = await startCharge(t);
  const error = await t.throwsAsync(charge.get(''));
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
});

test('a malformed TransferCharge leaves no record behind', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest({ amount: { currencyCode: 'EUR', amountMinor: 0 } });
  await t.throwsAsync(charge.transfer(request));
  t.is(grpcCode(await t.throwsAsync(charge.get(request.chargeId))), status.NOT_FOUND);
});
