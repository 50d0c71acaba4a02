/**
 * The one mapping from the center's domain errors (center/domain-error.ts) to
 * gRPC status codes, in the manner of nice-grpc's createErrorStatusObject.
 */
import { status } from '@grpc/grpc-js';
import { DomainError, type DomainErrorCode } from '../domain-error.js';
import type { KnownError } from './unary-handler.js';

const STATUS: Record<DomainErrorCode, status> = {
  INVALID_INPUT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  CONFLICT: status.FAILED_PRECONDITION,
  BUSY: status.UNAVAILABLE,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  FORBIDDEN: status.PERMISSION_DENIED,
  EXHAUSTED: status.RESOURCE_EXHAUSTED,
};

/** The status and message to send for a domain error; undefined for anything else (answered INTERNAL). */
export function statusOf(error: unknown): KnownError | undefined {
  return error instanceof DomainError ? { code: STATUS[error.code], details: error.message } : undefined;
}
