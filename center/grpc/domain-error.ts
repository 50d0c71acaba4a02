import { status } from '@grpc/grpc-js';

export type DomainErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED';

/** An error a caller can act on; its message is safe to send over the wire. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidArgument = (message: string) => new DomainError('INVALID_ARGUMENT', message);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);

/** The gRPC status code for a domain error code. */
export function grpcStatusOf(code: DomainErrorCode): status {
  return status[code];
}
