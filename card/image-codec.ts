/**
 * The card image codec: a `cardgate.v1.CardImage` message, versioned so that
 * an older reader refuses an image it would misread instead of showing
 * half-understood tickets.
 */
import { CardImage } from '../gen/cardgate/v1/ticket.js';
import { CardError } from './card-error.js';

/** The only image format this build reads and writes. */
export const FORMAT_VERSION = 1;

/** A card with no tickets yet: what a blank card reads as. */
export function emptyImage(cardId: string): CardImage {
  return { formatVersion: FORMAT_VERSION, cardId, tickets: [] };
}

/** The bytes stored on the card; the format version is always the current one. */
export function encodeImage(image: CardImage): Buffer {
  return Buffer.from(CardImage.encode({ ...image, formatVersion: FORMAT_VERSION }).finish());
}

/** How many bytes `image` takes on the card (what `used_bytes` reports). */
export function encodedImageBytes(image: CardImage): number {
  return encodeImage(image).length;
}

/**
 * Decodes an image read from a card. Throws UNSUPPORTED_FORMAT for bytes that
 * are not a CardImage or carry another format version: guessing at them could
 * show a buyer tickets that are not there.
 */
export function decodeImage(bytes: Uint8Array): CardImage {
  let image: CardImage;
  try {
    image = CardImage.decode(bytes);
  } catch (cause) {
    throw new CardError(
      'UNSUPPORTED_FORMAT',
      'The tickets on this card are in a format this terminal cannot read. Please ask staff for help.',
      { cause },
    );
  }
  if (image.formatVersion !== FORMAT_VERSION) {
    throw new CardError(
      'UNSUPPORTED_FORMAT',
      `This card was written in card format ${image.formatVersion}; this terminal reads format ${FORMAT_VERSION} only. Please use an up-to-date terminal or ask staff.`,
    );
  }
  return image;
}
