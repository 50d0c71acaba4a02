/**
 * The charge terminal's unary handlers: the one wrapper the center uses too
 * (center/grpc/unary-handler.ts), with ChargeError as the errors a caller can
 * act on. Anything else is logged (never the request: it carries the card
 * number and CVC) and answered INTERNAL without internals. A request over its
 * method's size (request-sizes.ts) is RESOURCE_EXHAUSTED before it runs.
 */
import { status, type handleUnaryCall, type ServerErrorResponse } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { toServiceError as toError, unaryHandler as handler, type KnownError } from '../center/grpc/unary-handler.js';
import { ChargeError, resourceExhausted } from './charge-error.js';
import { oversizeOf } from './request-sizes.js';

const INTERNAL = 'internal error in the charge-transfer terminal';
const known = (error: unknown): KnownError | undefined =>
  error instanceof ChargeError ? { code: status[error.code], details: error.message } : undefined;

export function unaryHandler<Req, Res>(
  logger: Logger,
  method: string,
  run: (request: Req) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return handler<Req, Res>({ logger, method, known, internal: INTERNAL }, async (call) => {
    const oversize = oversizeOf(call.request);
    if (oversize !== undefined) throw resourceExhausted(oversize);
    return run(call.request);
  });
}

/** The gRPC error for a thrown value. */
export function toServiceError(error: unknown, logger: Logger, method: string): ServerErrorResponse {
  return toError(error, { logger, method, known, internal: INTERNAL });
}
