/**
 * pcsclite reports failures as Errors whose message ends in the PC/SC
 * return code, e.g. "SCardTransmit error: Card was removed.(0x80100069)".
 * This maps them onto CardError codes.
 */
import { CardError } from '../card-error.js';

/** Return codes that mean the card is no longer there (or no longer talking). */
const CARD_GONE = new Set([
  0x80100069, // SCARD_W_REMOVED_CARD
  0x8010000c, // SCARD_E_NO_SMARTCARD
  0x80100066, // SCARD_W_UNRESPONSIVE_CARD
  0x80100067, // SCARD_W_UNPOWERED_CARD
  0x80100068, // SCARD_W_RESET_CARD
  0x80100016, // SCARD_E_NOT_TRANSACTED
  0x8010002e, // SCARD_E_NO_READERS_AVAILABLE
  0x80100017, // SCARD_E_READER_UNAVAILABLE
]);
const NO_SERVICE = new Set([0x8010001d, 0x8010001e]); // SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED

/** The PC/SC return code in a pcsclite error message, if any. */
export function pcscCode(error: unknown): number | undefined {
  const match = /\((0x[0-9a-f]{8})\)/i.exec(error instanceof Error ? error.message : String(error));
  return match ? Number.parseInt(match[1]!, 16) : undefined;
}

export const isCardGone = (error: unknown) => CARD_GONE.has(pcscCode(error) ?? 0);

/** A CardError for a pcsclite failure during `operation`. */
export function pcscError(error: unknown, operation: 'connect' | 'read' | 'write'): CardError {
  if (error instanceof CardError) return error;
  const code = pcscCode(error);
  if (code !== undefined && NO_SERVICE.has(code)) return noService(error);
  if (isCardGone(error)) {
    // During a write the framing guarantees the card holds its previous tickets or the complete new ones, never a mix.
    return new CardError(
      'NO_CARD',
      'The card was taken off the reader too soon. Present the card again and hold it still until it is done.',
      { cause: error },
    );
  }
  if (operation === 'write')
    return new CardError(
      'WRITE_FAILED',
      'Writing the card failed; it still holds its previous tickets. Hold it still on the reader and try again.',
      { cause: error },
    );
  return new CardError('READ_FAILED', 'The card could not be read. Hold it still on the reader and try again.', {
    cause: error,
  });
}

export function noService(cause: unknown): CardError {
  return new CardError(
    'NO_READER',
    'The smart card service (pcscd) is not running, so no card reader can be used. Start pcscd (for example `pcscd` as root) and try again.',
    { cause },
  );
}
