/** Why a call to the sales center got no answer, in words for the attendant (never a raw gRPC status line). */
import { status, type ServiceError } from '@grpc/grpc-js';
import { isCardError } from '../../card/card-error.js';

export function centerProblem(error: unknown, address: string): string {
  const code = (error as Partial<ServiceError>).code;
  switch (code) {
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
      return `The sales center at ${address} did not answer.`;
    case status.UNAUTHENTICATED:
      return 'The sales center does not accept this gate’s token.';
    case status.PERMISSION_DENIED:
      return 'This token is not a gate token: ask for a gate token (cardgate admin token create --role gate).';
    case status.INVALID_ARGUMENT:
      return `The sales center could not read this ticket: ${(error as ServiceError).details}.`;
    default:
      return `The sales center failed to answer: ${(error as Partial<ServiceError>).details ?? (error as Error).message ?? String(error)}.`;
  }
}

/** A card that could not be read, in words (card errors already carry one). */
export function cardProblem(error: unknown): string {
  if (isCardError(error)) return error.message;
  return `The card could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
