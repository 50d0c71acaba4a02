/** latencyMs slows TransferCharge down so a caller's deadline can run out, as with a slow processor. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { ChargeState } from '../../gen/cardgate/v1/charge.js';
import { grpcCode } from '../helpers/grpc.js';
import { waitUntil } from '../helpers/wait.js';
import { startCharge, transferRequest } from './charge-harness.js';

test('a TransferCharge with a deadline shorter than latencyMs fails with DEADLINE_EXCEEDED', async (t) => {
  const charge = await startCharge(t, { latencyMs: 500 });
  const error = await t.throwsAsync(charge.transfer(transferRequest(), 100));
  t.is(grpcCode(error), status.DEADLINE_EXCEEDED);
});

test('a TransferCharge with a deadline longer than latencyMs is answered', async (t) => {
  const charge = await startCharge(t, { latencyMs: 100 });
  t.true((await charge.transfer(transferRequest(), 2000)).approved);
});

test('a void sent while a slow TransferCharge is still processing wins over it', async (t) => {
  const charge = await startCharge(t, { latencyMs: 3_000 });
  const request = transferRequest();
  const slow = charge.transfer(request, 20_000);
  // Void once the terminal holds the request: it decides only after latencyMs.
  const received = `"chargeId":"${request.chargeId}","msg":"charge request received"`;
  await waitUntil('the terminal to receive the TransferCharge', () => charge.logs().includes(received), {
    seen: charge.logs,
  });
  t.is((await charge.reverse(request.chargeId)).state, ChargeState.CHARGE_STATE_VOIDED);
  t.false((await slow).approved, 'the late TransferCharge is refused, not approved');
  t.is((await charge.get(request.chargeId)).state, ChargeState.CHARGE_STATE_VOIDED);
});
