/** ReverseCharge and GetCharge: undo an approval, void an unknown id, look a charge up. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { ChargeState } from '../../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { grpcCode } from '../helpers/grpc.js';
import { card, CARDS, FIXED_NOW, startCharge, transferRequest } from './charge-harness.js';

const S = ChargeState;

test('reversing an approved charge answers REVERSED and GetCharge shows it', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  const approval = await charge.transfer(request);
  t.is((await charge.reverse(request.chargeId)).state, S.CHARGE_STATE_REVERSED);
  const record = await charge.get(request.chargeId);
  t.is(record.state, S.CHARGE_STATE_REVERSED);
  t.is(record.authorizationCode, approval.authorizationCode);
  t.deepEqual(record.amount, request.amount);
});

test('reversing twice answers REVERSED both times', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  await charge.reverse(request.chargeId);
  t.is((await charge.reverse(request.chargeId)).state, S.CHARGE_STATE_REVERSED);
});

test('a retried TransferCharge of a reversed charge is not approved again', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  await charge.reverse(request.chargeId);
  const retry = await charge.transfer(request);
  t.false(retry.approved);
  t.is(retry.declineReason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
});

test('reversing a declined charge answers DECLINED: there is nothing to undo', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest({ creditCard: card({ number: CARDS.declined }) });
  await charge.transfer(request);
  t.is((await charge.reverse(request.chargeId)).state, S.CHARGE_STATE_DECLINED);
  t.is((await charge.get(request.chargeId)).state, S.CHARGE_STATE_DECLINED);
});

test('reversing an unknown charge_id records VOIDED', async (t) => {
  const charge = await startCharge(t);
  t.is((await charge.reverse('CHG-never-sent')).state, S.CHARGE_STATE_VOIDED);
  t.is((await charge.get('CHG-never-sent')).state, S.CHARGE_STATE_VOIDED);
});

test('a TransferCharge after its id was voided is declined PAYMENT_UNAVAILABLE and stays VOIDED', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.reverse(request.chargeId);
  const late = await charge.transfer(request);
  t.false(late.approved);
  t.is(late.authorizationCode, '');
  t.is(late.declineReason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
  t.regex(late.message, /voided/);
  t.is((await charge.get(request.chargeId)).state, S.CHARGE_STATE_VOIDED);
});

test('GetCharge returns the record with brand, last four and creation time', async (t) => {
  const charge = await startCharge(t);
  const request = transferRequest();
  await charge.transfer(request);
  const record = await charge.get(request.chargeId);
  t.is(record.chargeId, request.chargeId);
  t.is(record.state, S.CHARGE_STATE_APPROVED);
  t.is(record.cardBrand, 'visa');
  t.is(record.cardLast4, '4242');
  t.deepEqual(record.createdAt, FIXED_NOW);
});

test('GetCharge of an id the terminal never saw is NOT_FOUND', async (t) => {
  const charge = await startCharge(t);
  const error = await t.throwsAsync(charge.get('CHG-unknown'));
  t.is(grpcCode(error), status.NOT_FOUND);
});
