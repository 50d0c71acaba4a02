/**
 * The one error type of the card layer. `code` is stable (kiosk, gate and CLI
 * switch on it); `message` is written for the person at the kiosk or gate, so
 * it says what to do, not what went wrong inside.
 */

export type CardErrorCode =
  /** No card on the reader, or it was taken away during the operation (ask the person to present it again). */
  | 'NO_CARD'
  /** No card reader: pcscd is not running, no reader is connected, or no reader has the name given. */
  | 'NO_READER'
  /** The card is locked against writing; nothing was written. */
  | 'READ_ONLY'
  /** The memory holds data, but not a Cardgate image (another application's card, or a wrong file). */
  | 'NOT_CARDGATE'
  /** Cardgate slots are present but none is readable: the tickets must be recovered from the center. */
  | 'DAMAGED'
  /** A readable image of a format version this software does not know (written by a newer Cardgate). */
  | 'UNSUPPORTED_FORMAT'
  /** The image does not fit in one slot of the card's memory; nothing was written. */
  | 'CARD_FULL'
  | 'WRITE_FAILED'
  | 'READ_FAILED'
  /** A `--card` spec that no driver accepts. */
  | 'BAD_SPEC'
  /** A driver or operation that this build does not provide. */
  | 'NOT_SUPPORTED';

export class CardError extends Error {
  override readonly name = 'CardError';

  constructor(
    readonly code: CardErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a CardError, optionally with one of the given codes. */
export function isCardError(error: unknown, ...codes: CardErrorCode[]): error is CardError {
  return error instanceof CardError && (codes.length === 0 || codes.includes(error.code));
}

/** CARD_FULL, with what the tickets need and what the card has room for. */
export function cardFull(needed: number, room: number): CardError {
  return new CardError(
    'CARD_FULL',
    `The card is full: these tickets need ${needed} bytes but the card has room for ${room}. Clear used tickets off it or use another card.`,
  );
}
