/**
 * The center's charge gateway, which sends the transfers of concurrent sales
 * together (TransferCharges), against a real charge terminal: each transfer
 * still answers its own charge, a transfer the terminal refuses is refused
 * alone as it was one at a time, a terminal that is gone answers every
 * transfer "not reached", and an older terminal without TransferCharges is
 * sent each transfer on its own.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import test, { type ExecutionContext } from 'ava';
import { pino } from 'pino';
import { ChargeState, ChargeTransferServiceService, type TransferChargeRequest } from '../../gen/cardgate/v1/charge.js';
import { chargeService } from '../../charge/charge-service.js';
import { ChargeLedger } from '../../charge/ledger.js';
import { LedgerFile } from '../../charge/ledger-file.js';
import { randomAuthorizationCode } from '../../charge/simulator.js';
import { UnavailabilityReason as R } from '../../gen/cardgate/v1/sales.js';
import { createChargeServer } from '../../charge/server.js';
import { grpcChargeGateway, type ChargeGateway } from '../../center/sales/charge-gateway.js';
import { withDeadline } from '../helpers/wait.js';
import { CARDS, card, startCharge, transferRequest } from '../charge/charge-harness.js';

/** Cards with the answer each gets: approved (two brands) or declined with a reason. */
const CARD_CASES = [
  { number: CARDS.approved, last4: '4242', approved: true, reason: R.UNAVAILABILITY_REASON_UNSPECIFIED },
  { number: '5555555555554444', last4: '4444', approved: true, reason: R.UNAVAILABILITY_REASON_UNSPECIFIED },
  { number: CARDS.declined, last4: '0002', approved: false, reason: R.UNAVAILABILITY_REASON_PAYMENT_DECLINED },
  {
    number: CARDS.insufficientFunds,
    last4: '9995',
    approved: false,
    reason: R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS,
  },
];

function gateway(t: { teardown(fn: () => void): void }, address: string, deadlineMs = 5_000): ChargeGateway {
  const charge = grpcChargeGateway(address, deadlineMs);
  t.teardown(() => charge.close());
  return charge;
}

/** `count` transfers with amounts 101, 102, … on the cards in turn. */
function transfers(count: number): Array<{ request: TransferChargeRequest; expected: (typeof CARD_CASES)[number] }> {
  return Array.from({ length: count }, (_, i) => {
    const expected = CARD_CASES[i % CARD_CASES.length]!;
    const request = transferRequest({
      amount: { currencyCode: 'EUR', amountMinor: 101 + i },
      creditCard: card({ number: expected.number }),
    });
    return { request, expected };
  });
}

test('50 concurrent transfers each answer their own charge: card, approval or decline, amount', async (t) => {
  const terminal = await startCharge(t);
  const center = gateway(t, terminal.address);
  const sent = transfers(50);
  const answers = await Promise.all(sent.map(({ request }) => center.transfer(request)));
  for (const [i, answer] of answers.entries()) {
    const { request, expected } = sent[i]!;
    if (!answer.reached) return t.fail(`transfer ${i} not reached: ${answer.error}`);
    t.is(answer.value.cardLast4, expected.last4, `transfer ${i}`);
    t.is(answer.value.approved, expected.approved, `transfer ${i}`);
    t.is(answer.value.declineReason, expected.reason, `transfer ${i}`);
    const record = await terminal.get(request.chargeId);
    t.deepEqual(record.amount, request.amount, `transfer ${i}: the terminal charged its amount`);
    t.is(record.authorizationCode, answer.value.authorizationCode, `transfer ${i}`);
  }
  // Made in one tick, they went in one call (the terminal logs how many transfers each call holds).
  t.true(terminal.logs().includes('"transfers":50,"msg":"charge requests received"'), terminal.logs());
});

test('more transfers at once than one call carries are all answered, each its own', async (t) => {
  const terminal = await startCharge(t);
  const center = gateway(t, terminal.address);
  const sent = transfers(600);
  const answers = await Promise.all(sent.map(({ request }) => center.transfer(request)));
  const last4s = answers.map((answer) => (answer.reached ? answer.value.cardLast4 : answer.error));
  t.deepEqual(
    last4s,
    sent.map(({ expected }) => expected.last4),
  );
  const approvals = answers.map((answer) => answer.reached && answer.value.approved);
  t.deepEqual(
    approvals,
    sent.map(({ expected }) => expected.approved),
  );
});

test('a transfer the terminal refuses is not reached, with the error it got alone; the others are answered', async (t) => {
  const terminal = await startCharge(t);
  const center = gateway(t, terminal.address);
  const invalid = transferRequest({ amount: { currencyCode: 'EUR', amountMinor: 0 } });
  const [before, refused, after] = await Promise.all([
    center.transfer(transferRequest()),
    center.transfer(invalid),
    center.transfer(transferRequest({ creditCard: card({ number: CARDS.declined }) })),
  ]);
  t.true(before.reached && before.value.approved);
  t.true(after.reached && !after.value.approved);
  const alone = await t.throwsAsync(terminal.transfer(invalid));
  t.deepEqual(refused, { reached: false, error: (alone as unknown as { details: string }).details });
});

test('a repeated transfer among concurrent ones gets the first answer, as a retry does', async (t) => {
  const terminal = await startCharge(t);
  const center = gateway(t, terminal.address);
  const request = transferRequest();
  const [first, again] = await Promise.all([center.transfer(request), center.transfer(request)]);
  t.true(first.reached && first.value.approved);
  t.deepEqual(again, first);
  t.is((await terminal.get(request.chargeId)).state, ChargeState.CHARGE_STATE_APPROVED);
});

test('a stopped terminal: every concurrent transfer answers not reached', async (t) => {
  const server = createChargeServer();
  const port = await server.listen('127.0.0.1:0');
  await server.stop();
  const center = gateway(t, `127.0.0.1:${port}`, 500);
  const answers = await withDeadline(
    'the transfers to a stopped terminal to be answered',
    Promise.all(transfers(20).map(({ request }) => center.transfer(request))),
  );
  t.is(answers.length, 20);
  for (const answer of answers) t.false(answer.reached);
});

test('a transfer after the gateway is closed answers not reached instead of throwing', async (t) => {
  const terminal = await startCharge(t);
  const center = grpcChargeGateway(terminal.address, 5_000);
  center.close();
  const answer = await withDeadline('a transfer on a closed gateway', center.transfer(transferRequest()));
  t.false(answer.reached);
});

/**
 * A terminal from before TransferCharges: the real service and ledger with that one method left out,
 * so grpc-js answers it UNIMPLEMENTED as an older terminal's server would. Counts its TransferCharge calls.
 */
async function olderTerminal(t: ExecutionContext): Promise<{ address: string; transferCalls(): number }> {
  const file = new LedgerFile(':memory:');
  await file.opened();
  const ledger = new ChargeLedger(file, { now: () => new Date(), newAuthorizationCode: randomAuthorizationCode });
  const { transferCharges: _batch, ...unary } = chargeService({
    ledger,
    logger: pino({ level: 'silent' }),
    latencyMs: 0,
  });
  const { transferCharges: _method, ...service } = ChargeTransferServiceService;
  let transferCalls = 0;
  const server = new Server();
  server.addService(service, {
    ...unary,
    transferCharge: (
      call: Parameters<typeof unary.transferCharge>[0],
      callback: Parameters<typeof unary.transferCharge>[1],
    ) => {
      transferCalls++;
      unary.transferCharge(call, callback);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  t.teardown(async () => {
    server.forceShutdown();
    await file.close();
  });
  return { address: `127.0.0.1:${port}`, transferCalls: () => transferCalls };
}

test('an older terminal without TransferCharges is sent each transfer alone, and every one is answered', async (t) => {
  const terminal = await olderTerminal(t);
  const center = gateway(t, terminal.address);
  for (const round of [1, 2]) {
    const sent = transfers(12);
    const answers = await Promise.all(sent.map(({ request }) => center.transfer(request)));
    t.deepEqual(
      answers.map((answer) => (answer.reached ? [answer.value.cardLast4, answer.value.approved] : answer.error)),
      sent.map(({ expected }) => [expected.last4, expected.approved]),
      `round ${round}`,
    );
  }
  t.is(terminal.transferCalls(), 24, 'one TransferCharge per transfer, and no transfer sent twice');
});
