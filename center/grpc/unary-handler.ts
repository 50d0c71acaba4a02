/**
 * The one grpc-js unary handler wrapper, for the center and the charge
 * terminal alike: runs the call, answers with its result, and maps what it
 * throws to a status. Errors the caller can act on (`known`) reach the caller
 * with their message; anything else is logged and answered INTERNAL without
 * internals — and without the request, which may carry a card number.
 * A request refused as it was decoded (request-limits.ts) is answered
 * INVALID_ARGUMENT before the call runs. Imports nothing of the center, so
 * charge/ may use it.
 */
import { Metadata, status, type handleUnaryCall, type ServerErrorResponse, type ServerUnaryCall } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { refusalOf } from './request-limits.js';

export interface KnownError {
  readonly code: status;
  readonly details: string;
}

export interface UnaryHandlerOptions {
  readonly logger: Logger;
  readonly method: string;
  /** The status for an error the caller can act on; undefined for an unexpected one. */
  readonly known: (error: unknown) => KnownError | undefined;
  /** The message of INTERNAL, naming the server but nothing else. */
  readonly internal: string;
  /** Called with the handler's time in ms once the call is answered (server-side latency). */
  readonly done?: (ms: number) => void;
}

export function unaryHandler<Req, Res>(
  options: UnaryHandlerOptions,
  run: (call: ServerUnaryCall<Req, Res>) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const started = performance.now();
    const refusal = refusalOf(call.request);
    if (refusal !== undefined) {
      options.logger.debug({ method: options.method, code: 'INVALID_ARGUMENT', message: refusal }, 'request refused');
      callback(serviceError(status.INVALID_ARGUMENT, refusal));
      return;
    }
    run(call)
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(toServiceError(error, options)),
      )
      .finally(() => options.done?.(performance.now() - started));
  };
}

/** The gRPC error for a thrown value. */
export function toServiceError(
  error: unknown,
  { logger, method, known, internal }: Omit<UnaryHandlerOptions, 'done'>,
): ServerErrorResponse {
  const answer = known(error);
  if (answer) {
    logger.debug({ method, code: status[answer.code], message: answer.details }, 'request refused');
    return serviceError(answer.code, answer.details);
  }
  logger.error({ err: error, method }, 'unexpected error');
  return serviceError(status.INTERNAL, internal);
}

function serviceError(code: status, details: string): ServerErrorResponse {
  return Object.assign(new Error(details), { code, details, metadata: new Metadata() });
}
