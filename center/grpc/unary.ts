/**
 * The center's unary handlers: the one wrapper (unary-handler.ts) plus the
 * caller's authentication and role check before the domain function runs,
 * domain errors mapped by status-of.ts, and each call's time recorded.
 */
import type { handleUnaryCall, Metadata } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Authenticator, Caller } from '../auth/authenticator.js';
import type { Role } from '../auth/terminal.entity.js';
import type { CenterMetrics } from '../metrics/center-metrics.js';
import type { HandlerTimings } from '../timings/handler-timings.js';
import { statusOf } from './status-of.js';
import { toServiceError, unaryHandler } from './unary-handler.js';

export interface HandlerContext {
  readonly auth: Authenticator;
  readonly logger: Logger;
  readonly timings?: HandlerTimings;
  readonly metrics?: CenterMetrics;
}

const INTERNAL = 'internal error in the sales center';

/** The `authorization` header of a call, for Authenticator.authorize. */
export const authorizationOf = (metadata: Metadata): unknown => metadata.get('authorization')[0];

export function unary<Req, Res>(
  context: HandlerContext,
  method: string,
  roles: readonly Role[],
  run: (request: Req, caller: Caller) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  const options = {
    logger: context.logger,
    method,
    known: statusOf,
    internal: INTERNAL,
    done: (ms: number) => {
      context.timings?.record(method, ms);
      context.metrics?.rpc(method, ms);
    },
  };
  return unaryHandler<Req, Res>(options, async (call) =>
    run(call.request, await context.auth.authorize(authorizationOf(call.metadata), roles)),
  );
}

/** The gRPC error for what a streaming handler caught, mapped like a unary call's. */
export function centerError(error: unknown, logger: Logger, method: string) {
  return toServiceError(error, { logger, method, known: statusOf, internal: INTERNAL });
}
