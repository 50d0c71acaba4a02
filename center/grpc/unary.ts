/**
 * Wraps a domain function as a grpc-js unary handler: authenticates the
 * caller, checks its role, runs the function and maps errors to status codes.
 * Unexpected errors are logged and answered INTERNAL without internals.
 */
import { Metadata, status, type handleUnaryCall, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Authenticator, Caller } from '../auth/authenticator.js';
import type { Role } from '../auth/terminal.entity.js';
import { DomainError, grpcStatusOf } from './domain-error.js';
import type { HandlerTimings } from './handler-timings.js';

export interface HandlerContext {
  readonly auth: Authenticator;
  readonly logger: Logger;
  readonly timings?: HandlerTimings;
}

export function unary<Req, Res>(
  context: HandlerContext,
  method: string,
  roles: readonly Role[],
  run: (request: Req, caller: Caller) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const started = performance.now();
    void (async () => {
      try {
        const caller = await context.auth.authorize(call.metadata, roles);
        const response = await run(call.request, caller);
        callback(null, response);
      } catch (error) {
        callback(toServiceError(error, context.logger, method));
      }
      context.timings?.record(method, performance.now() - started);
    })();
  };
}

/** Maps any thrown value to a gRPC error; only DomainError messages reach the caller. */
export function toServiceError(error: unknown, logger: Logger, method: string) {
  if (error instanceof DomainError) {
    return { code: grpcStatusOf(error.code), details: error.message, metadata: new Metadata() };
  }
  logger.error({ err: error, method }, 'unexpected error');
  return { code: status.INTERNAL, details: 'internal error in the sales center', metadata: new Metadata() };
}
