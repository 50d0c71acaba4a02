/** A card problem in words for the buyer: card-layer errors already say what to do; anything else gets a generic sentence. */
import { isCardError } from '../card/index.js';

export function describeCardError(error: unknown): string {
  if (isCardError(error)) return error.message;
  if (error instanceof WrongCardError) return error.message;
  return 'The IC card could not be read or written. Put it back on the reader and try again.';
}

/** The card on the reader is not the one the tickets were issued to (signatures bind tickets to one card). */
export class WrongCardError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(
      `These tickets belong to IC card ${expected}, but the card on the reader is ${found}. Put card ${expected} on the reader.`,
    );
  }
}
