/** A card the gate could not read, in words for the attendant (card errors already carry a sentence of their own). */
import { isCardError } from '../../card/card-error.js';

export function cardProblem(error: unknown): string {
  if (isCardError(error)) return error.message;
  return `The card could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
