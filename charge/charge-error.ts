/**
 * Errors a caller can act on, with a stable code; their message names the
 * field at fault and is safe to send over the wire (it never holds card data).
 */

export type ChargeErrorCode = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'RESOURCE_EXHAUSTED';

export class ChargeError extends Error {
  constructor(
    readonly code: ChargeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChargeError';
  }
}

export const invalidArgument = (message: string) => new ChargeError('INVALID_ARGUMENT', message);
export const notFound = (message: string) => new ChargeError('NOT_FOUND', message);
export const resourceExhausted = (message: string) => new ChargeError('RESOURCE_EXHAUSTED', message);
