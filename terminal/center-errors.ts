/**
 * Turning a failed call to the center into words for the person at the
 * terminal, and telling "the network failed, the same call may be retried"
 * apart from "the center said no". Never shows a stack trace or a raw status line.
 */
import { status, type ServiceError } from '@grpc/grpc-js';

const codeOf = (error: unknown): number | undefined => (error as Partial<ServiceError> | undefined)?.code;

/**
 * True when the call may not have reached the center or its answer was lost:
 * the outcome is unknown and the very same request may be sent again.
 */
export function isRetryableError(error: unknown): boolean {
  const code = codeOf(error);
  return code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED || code === status.CANCELLED || code === status.UNKNOWN || code === status.INTERNAL;
}

/** One sentence saying what went wrong, for a buyer or an attendant. */
export function describeCenterError(error: unknown, address?: string): string {
  const code = codeOf(error);
  const where = address ? ` at ${address}` : '';
  switch (code) {
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
    case status.CANCELLED:
      return `The sales center${where} is not answering right now.`;
    case status.UNAUTHENTICATED:
      return 'The sales center does not accept this terminal’s token. Ask staff for help.';
    case status.PERMISSION_DENIED:
      return 'This terminal is not allowed to do that. Ask staff for help.';
    case status.NOT_FOUND:
      return 'The sales center does not know it.';
    case status.INVALID_ARGUMENT:
    case status.FAILED_PRECONDITION:
      return `The sales center refused the request: ${(error as ServiceError).details}.`;
    default:
      return 'Something went wrong while talking to the sales center.';
  }
}
