/** Errors become gRPC statuses: domain errors keep their code and message, anything else is INTERNAL without internals. */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { invalidArgument, notFound } from '../../charge/charge-error.js';
import { toServiceError } from '../../charge/grpc-unary.js';

function capture() {
  let text = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { logger: pino({ level: 'debug' }, stream), text: () => text };
}

test('a domain error keeps its status code and message', (t) => {
  const { logger } = capture();
  t.like(toServiceError(invalidArgument('charge_id is required'), logger, 'TransferCharge'), {
    code: status.INVALID_ARGUMENT,
    details: 'charge_id is required',
  });
  t.like(toServiceError(notFound('charge X not found'), logger, 'GetCharge'), { code: status.NOT_FOUND });
});

test('an unexpected error is INTERNAL without its message, and is logged', (t) => {
  const log = capture();
  const error = toServiceError(new TypeError('ledger exploded at line 42'), log.logger, 'TransferCharge');
  t.is(error.code, status.INTERNAL);
  t.false(String(error.details).includes('exploded'));
  t.regex(log.text(), /ledger exploded/);
  t.regex(log.text(), /"level":50/);
});
