/**
 * Errors a caller can act on, raised by the center's domain code. Their codes
 * say what went wrong in the domain's words; center/grpc/status-of.ts is the
 * one place that turns them into gRPC status codes. The message is safe to
 * send over the wire: it names the field or the thing at fault, never data.
 */
export type DomainErrorCode =
  /** A request field is missing, malformed or out of range. */
  | 'INVALID_INPUT'
  /** The thing asked for (product, order, terminal) does not exist. */
  | 'NOT_FOUND'
  /** The request is well formed but the thing is not in a state that allows it. */
  | 'CONFLICT'
  /** Not now: something is still in progress or out of reach; the same request may succeed shortly. */
  | 'BUSY'
  /** No credentials, or ones the center does not know. */
  | 'UNAUTHENTICATED'
  /** Known credentials whose role does not allow this. */
  | 'FORBIDDEN'
  /** A limit on what one caller or all callers may hold open (streams) is reached. */
  | 'EXHAUSTED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (message: string) => new DomainError('INVALID_INPUT', message);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
