/**
 * TransferCharges: several credit instructions in one call, each answered as
 * TransferCharge would answer it alone; a transfer TransferCharge would refuse
 * is an error result and leaves the others alone; over 512 is refused whole.
 */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import {
  ChargeState,
  TransferChargeRequest,
  TransferChargesRequest,
  type TransferChargeResult,
} from '../../gen/cardgate/v1/charge.js';
import { MAX_CHARGE_REQUEST_BYTES } from '../../charge/charge-limits.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { unary } from '../../terminal/rpc.js';
import { grpcCode } from '../helpers/grpc.js';
import { rawCall } from '../helpers/raw-call.js';
import { waitUntil } from '../helpers/wait.js';
import { CARDS, card, startCharge, transferRequest, type ChargeHarness } from './charge-harness.js';

const TRANSFER_CHARGE = '/cardgate.v1.ChargeTransferService/TransferCharge';
const RECEIVED = '"transfers":2,"msg":"charge requests received"';

const transferAll = (charge: ChargeHarness, transfers: TransferChargeRequest[]) =>
  unary(charge.client.transferCharges.bind(charge.client), { transfers }, 10_000);

/** A result as the one of its two fields it holds (ts-proto decodes the other as undefined). */
const plain = ({ response, error }: TransferChargeResult): TransferChargeResult =>
  response ? { response } : { error };

/** What TransferCharge alone gives for `request`, as a TransferCharges result. */
async function alone(charge: ChargeHarness, request: TransferChargeRequest): Promise<TransferChargeResult> {
  try {
    return { response: await charge.transfer(request) };
  } catch (error) {
    return { error: { code: grpcCode(error)!, message: (error as { details: string }).details } };
  }
}

test('approved, declined, invalid and repeated transfers in one call: each as TransferCharge gives it', async (t) => {
  const charge = await startCharge(t);
  const approved = transferRequest();
  const declined = transferRequest({ creditCard: card({ number: CARDS.declined }) });
  const invalid = transferRequest({ chargeId: '' });
  const { results } = await transferAll(charge, [approved, declined, invalid, approved]);

  t.is(results.length, 4);
  t.true(results[0]!.response?.approved);
  t.is(results[0]!.response?.cardLast4, '4242');
  t.false(results[1]!.response?.approved);
  t.is(results[1]!.response?.declineReason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_DECLINED);
  t.is(results[2]!.error?.code, status.INVALID_ARGUMENT);
  t.deepEqual(results[3], results[0], 'the repeated charge_id is answered as a repeat: the same code');
  // Asked again one at a time, each gets the same answer: the batch decided them as TransferCharge would.
  for (const [i, request] of [approved, declined, invalid].entries())
    t.deepEqual(await alone(charge, request), plain(results[i]!), `transfer ${i}`);
});

test('the decisions of a TransferCharges are recorded: GetCharge sees them', async (t) => {
  const charge = await startCharge(t);
  const approved = transferRequest();
  const declined = transferRequest({ creditCard: card({ number: CARDS.insufficientFunds }) });
  const { results } = await transferAll(charge, [approved, declined]);
  const approval = await charge.get(approved.chargeId);
  t.is(approval.state, ChargeState.CHARGE_STATE_APPROVED);
  t.is(approval.authorizationCode, results[0]!.response!.authorizationCode);
  t.deepEqual(approval.amount, approved.amount);
  const decline = await charge.get(declined.chargeId);
  t.is(decline.state, ChargeState.CHARGE_STATE_DECLINED);
  t.is(decline.declineReason, UnavailabilityReason.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS);
});

test('a transfer over the field limits is refused alone, with the message TransferCharge gives it', async (t) => {
  const charge = await startCharge(t);
  const cases = [
    transferRequest({ chargeId: 'CHG 1' }),
    transferRequest({ chargeId: 'c'.repeat(200) }),
    transferRequest({ description: 'Jazz \u001b[2J' }),
    transferRequest({ creditCard: card({ number: '4242abcd' }) }),
    transferRequest({ amount: { currencyCode: 'EUR', amountMinor: 0 } }),
    transferRequest({ creditCard: undefined }),
  ];
  const good = transferRequest();
  const { results } = await transferAll(charge, [...cases, good]);
  for (const [i, request] of cases.entries()) {
    t.is(results[i]!.error?.code, status.INVALID_ARGUMENT, `case ${i}`);
    t.deepEqual(plain(results[i]!), await alone(charge, request), `case ${i}`);
  }
  t.true(results[cases.length]!.response?.approved, 'the good transfer goes on');
});

test('a charge_id repeated in the call with another amount is INVALID_ARGUMENT; the first stands', async (t) => {
  const charge = await startCharge(t);
  const first = transferRequest();
  const conflicting = { ...first, amount: { currencyCode: 'EUR', amountMinor: 9900 } };
  const { results } = await transferAll(charge, [first, conflicting]);
  t.true(results[0]!.response?.approved);
  t.is(results[1]!.error?.code, status.INVALID_ARGUMENT);
  t.deepEqual((await charge.get(first.chargeId)).amount, first.amount);
});

test('512 transfers are one call; 513 are INVALID_ARGUMENT and none of them is recorded', async (t) => {
  const charge = await startCharge(t);
  const full = Array.from({ length: 512 }, () => transferRequest());
  const { results } = await transferAll(charge, full);
  t.true(results.every((result) => result.response?.approved));
  t.is((await charge.get(full[511]!.chargeId)).state, ChargeState.CHARGE_STATE_APPROVED);

  const over = Array.from({ length: 513 }, () => transferRequest());
  const error = await t.throwsAsync(transferAll(charge, over));
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
  t.is(grpcCode(await t.throwsAsync(charge.get(over[0]!.chargeId))), status.NOT_FOUND);
});

test('a TransferCharges over 16 kB is answered; a TransferCharge over 16 kB is still RESOURCE_EXHAUSTED', async (t) => {
  const charge = await startCharge(t);
  const transfers = Array.from({ length: 200 }, () => transferRequest());
  t.true(TransferChargesRequest.encode({ transfers }).finish().length > MAX_CHARGE_REQUEST_BYTES);
  const { results } = await transferAll(charge, transfers);
  t.true(results.every((result) => result.response?.approved));

  const huge = TransferChargeRequest.encode(transferRequest({ description: 'd'.repeat(MAX_CHARGE_REQUEST_BYTES) }));
  const answer = await rawCall(charge.address, '', TRANSFER_CHARGE, huge.finish());
  t.is(status[answer.code], 'RESOURCE_EXHAUSTED', answer.details);
});

test('an empty TransferCharges is answered with no results', async (t) => {
  const charge = await startCharge(t);
  t.deepEqual(await transferAll(charge, []), { results: [] });
});

test('a ReverseCharge sent during the simulated latency voids its transfer in the batch, not the others', async (t) => {
  const charge = await startCharge(t, { latencyMs: 3_000 });
  const [late, other] = [transferRequest(), transferRequest()];
  const batch = transferAll(charge, [late, other]);
  // Void once the terminal holds the call: it decides only after latencyMs.
  await waitUntil('the terminal to receive the TransferCharges', () => charge.logs().includes(RECEIVED), {
    seen: charge.logs,
  });
  t.is((await charge.reverse(late.chargeId)).state, ChargeState.CHARGE_STATE_VOIDED);
  const { results } = await batch;
  t.false(results[0]!.response?.approved);
  t.is(results[0]!.response?.declineReason, UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE);
  t.true(results[1]!.response?.approved);
});
