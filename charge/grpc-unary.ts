/**
 * Wraps a domain call as a grpc-js unary handler and maps its errors to
 * status codes. Only ChargeError messages reach the caller; anything else is
 * logged and answered INTERNAL without internals.
 */
import { Metadata, status, type handleUnaryCall, type ServerErrorResponse } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { ChargeError } from './charge-error.js';

export function unaryHandler<Req, Res>(logger: Logger, method: string, run: (request: Req) => Promise<Res>): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    run(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(error, logger, method)),
    );
  };
}

/** The gRPC error for a thrown value. */
export function toServiceError(error: unknown, logger: Logger, method: string): ServerErrorResponse {
  if (error instanceof ChargeError) {
    logger.debug({ method, code: error.code, message: error.message }, 'request refused');
    return serviceError(status[error.code], error.message);
  }
  // Log the error, never the request: the request carries the card number and CVC.
  logger.error({ err: error, method }, 'unexpected error');
  return serviceError(status.INTERNAL, 'internal error in the charge-transfer terminal');
}

function serviceError(code: status, details: string): ServerErrorResponse {
  return Object.assign(new Error(details), { code, details, metadata: new Metadata() });
}
