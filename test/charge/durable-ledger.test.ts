/**
 * The ledger is durable (issue 14, item 4): a charge terminal killed with
 * SIGKILL and started again on the same file still knows every charge it
 * answered, so GetCharge, a retried TransferCharge and ReverseCharge match.
 */
import test from 'ava';
import { readFileSync, statSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { ChargeState } from '../../gen/cardgate/v1/charge.js';
import { UnavailabilityReason as R } from '../../gen/cardgate/v1/sales.js';
import { startChargeProcess } from '../helpers/charge-process.js';
import { grpcCode } from '../helpers/grpc.js';
import { runCardgate } from '../helpers/cli.js';
import { card, CARDS, connectCharge, startCharge, holdsTestCvc, transferRequest } from './charge-harness.js';

test('after SIGKILL and a restart on the same file, every charge answered before is known as it was, and a changed retry is refused', async (t) => {
  const terminal = await startChargeProcess(t);
  const charge = connectCharge(t, terminal.address);
  const approved = transferRequest();
  const declined = transferRequest({ creditCard: card({ number: CARDS.insufficientFunds }) });
  const reversed = transferRequest();
  const voidedId = 'CHG-never-requested';
  // A burst, group-committed together: each answered approval must be on disk before its answer left.
  const burst = Array.from({ length: 40 }, () => transferRequest());
  const burstAnswers = await Promise.all(burst.map((request) => charge.transfer(request)));
  const approval = await charge.transfer(approved);
  const decline = await charge.transfer(declined);
  await charge.transfer(reversed);
  await charge.reverse(reversed.chargeId);
  await charge.reverse(voidedId);
  const before = await charge.get(approved.chargeId);

  await terminal.kill();
  await t.throwsAsync(charge.get(approved.chargeId), undefined, 'the terminal is down');
  await terminal.restart();
  await charge.ready();

  t.deepEqual(await charge.get(approved.chargeId), before, 'GetCharge: the same record');
  t.like(before, {
    state: ChargeState.CHARGE_STATE_APPROVED,
    authorizationCode: approval.authorizationCode,
    amount: approved.amount,
    cardBrand: 'visa',
    cardLast4: '4242',
  });
  t.deepEqual(await charge.transfer(approved), approval, 'a retried approval: the same answer and code');
  t.deepEqual(await charge.transfer(declined), decline, 'a retried decline: the same reason');
  t.is(decline.declineReason, R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS);
  t.is((await charge.get(reversed.chargeId)).state, ChargeState.CHARGE_STATE_REVERSED);
  t.false((await charge.transfer(reversed)).approved, 'a reversed charge is not approved again');
  const late = await charge.transfer(transferRequest({ chargeId: voidedId }));
  t.like(late, { approved: false, declineReason: R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE }, 'a void still holds');

  const after = await Promise.all(burst.map((request) => charge.get(request.chargeId)));
  t.deepEqual(
    after.map((record) => record.authorizationCode),
    burstAnswers.map((answer) => answer.authorizationCode),
    'every approval of the burst',
  );
  const otherAmount = await t.throwsAsync(
    charge.transfer({ ...approved, amount: { currencyCode: 'EUR', amountMinor: 1 } }),
  );
  t.is(grpcCode(otherAmount), status.INVALID_ARGUMENT);
  t.regex(otherAmount.message, /already used with a different amount/);
  const otherCard = await t.throwsAsync(
    charge.transfer({ ...approved, creditCard: card({ number: '5555555555554444' }) }),
  );
  t.is(grpcCode(otherCard), status.INVALID_ARGUMENT);
  t.regex(otherCard.message, /already used with a different credit_card/);

  t.is((await charge.reverse(approved.chargeId)).state, ChargeState.CHARGE_STATE_REVERSED, 'ReverseCharge matches');
  t.is((await charge.get(approved.chargeId)).state, ChargeState.CHARGE_STATE_REVERSED);
});

test('the ledger file holds brand and last four, never the card number or the CVC', async (t) => {
  const charge = await startCharge(t);
  for (const number of [CARDS.approved, CARDS.declined, '5555555555554444'])
    await charge.transfer(transferRequest({ creditCard: card({ number }) }));
  const bytes = ['', '-wal']
    .map((suffix) => {
      try {
        return readFileSync(`${charge.ledgerPath}${suffix}`).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');
  t.true(bytes.includes('4242'), 'the file was read');
  for (const number of [CARDS.approved, CARDS.declined, '5555555555554444']) t.false(bytes.includes(number));
  t.false(holdsTestCvc(bytes));
  for (const suffix of ['', '-wal'])
    t.is(
      (statSync(`${charge.ledgerPath}${suffix}`).mode & 0o777).toString(8),
      '600',
      `ledger${suffix} is the owner's only`,
    );
});

test('cardgate charge --db refuses a URL: the ledger is a SQLite file', async (t) => {
  const { code, output } = await runCardgate(['charge', '--db', 'postgres://localhost/charge']);
  t.is(code, 1);
  t.regex(output, /SQLite file/);
});
