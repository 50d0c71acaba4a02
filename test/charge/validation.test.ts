/** Malformed requests are INVALID_ARGUMENT naming the field; nothing is recorded for them. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { grpcCode } from '../helpers/grpc.js';
import { rawCall } from '../helpers/raw-call.js';
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
  { name: 'a 200-character charge_id', request: transferRequest({ chargeId: 'c'.repeat(200) }), field: 'charge_id' },
  {
    name: 'an escape sequence in the description',
    request: transferRequest({ description: 'Jazz \u001b[2J' }),
    field: 'description',
  },
  {
    name: 'letters in the card number',
    request: transferRequest({ creditCard: { ...transferRequest().creditCard!, number: '4242abcd' } }),
    field: 'credit_card.number',
  },
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

test('a body that is not a TransferChargeRequest is INVALID_ARGUMENT, not INTERNAL', async (t) => {
  const charge = await startCharge(t);
  const answer = await rawCall(
    charge.address,
    '',
    '/cardgate.v1.ChargeTransferService/TransferCharge',
    Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]),
  );
  t.is(status[answer.code], 'INVALID_ARGUMENT', answer.details);
});
