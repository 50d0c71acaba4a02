/**
 * The card image codec. Format 2 (the current one, format2/payload.ts) is
 * written; format 1 (one protobuf `cardgate.v1.CardImage`) is still read, so
 * cards written before stay usable until their next write rewrites them.
 * Any bytes a card holds decode to an image or to a CardError, never to
 * another exception: a card's bytes are untrusted input.
 */
import { CardImage } from '../gen/cardgate/v1/ticket.js';
import { CardError } from './card-error.js';
import { MalformedPayload } from './format2/bytes.js';
import type { CardEntry } from './format2/entry-record.js';
import { decodePayload, encodePayload, encodeRecords, FORMAT_2 } from './format2/payload.js';

/** The format this build writes. */
export const FORMAT_VERSION = FORMAT_2;
/** The first format: still read. */
export const FORMAT_1 = 1;

/** A card with no tickets yet: what a blank card reads as. */
export function emptyImage(cardId: string): CardImage {
  return { formatVersion: FORMAT_VERSION, cardId, tickets: [] };
}

/** The records stored on the card for `image` and the gates' `entries` of its tickets, in the current format. */
export const imageRecords = (image: CardImage, entries: readonly CardEntry[] = []): Buffer[] =>
  encodeRecords(image, entries);

/** The bytes stored on the card for `image` (the concatenated records). */
export const encodeImage = (image: CardImage): Buffer => encodePayload(image);

/** How many payload bytes `image` takes on the card in the current format. */
export function encodedImageBytes(image: CardImage): number {
  return encodeImage(image).length;
}

const unreadable = (cause: unknown) =>
  new CardError(
    'DAMAGED',
    'The tickets on this card cannot be read (its contents do not make sense). Staff can write them again from the order.',
    { cause },
  );

/** Decodes a format-2 payload; DAMAGED for bytes that do not parse, UNSUPPORTED_FORMAT for a record kind this build does not know. */
export function decodeImage(bytes: Buffer): CardImage {
  return decodeImageAndEntries(bytes).image;
}

/** Decodes a format-2 payload with the entries gates wrote on it (SPEC §9); the errors of decodeImage. */
export function decodeImageAndEntries(bytes: Buffer): { image: CardImage; entries: CardEntry[] } {
  try {
    const { image, entries } = decodePayload(bytes);
    return { image, entries };
  } catch (cause) {
    if (!(cause instanceof MalformedPayload)) throw unreadable(cause);
    if (/unknown record kind/.test(cause.message))
      throw new CardError(
        'UNSUPPORTED_FORMAT',
        'The tickets on this card were written by a newer Cardgate terminal. Please use an up-to-date terminal or ask staff.',
        { cause },
      );
    throw unreadable(cause);
  }
}

/** The first format's bytes: a protobuf CardImage of format_version 1. */
export function encodeFormat1(image: CardImage): Buffer {
  return Buffer.from(CardImage.encode({ ...image, formatVersion: FORMAT_1 }).finish());
}

/**
 * Decodes a first-format payload. UNSUPPORTED_FORMAT for bytes that are not
 * a CardImage or carry another version; DAMAGED for times no Date can hold.
 */
export function decodeFormat1(bytes: Uint8Array): CardImage {
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
  if (image.formatVersion !== FORMAT_1) {
    throw new CardError(
      'UNSUPPORTED_FORMAT',
      `This card was written in card format ${image.formatVersion}; this terminal reads formats ${FORMAT_1} and ${FORMAT_VERSION}. Please use an up-to-date terminal or ask staff.`,
    );
  }
  const dates = image.tickets.flatMap((t) => [
    t.ticket?.startsAt,
    t.ticket?.issuedAt,
    t.buyerIdentification?.orderedAt,
  ]);
  if (dates.some((date) => date !== undefined && !Number.isFinite(date.getTime()))) throw unreadable(undefined);
  return image;
}
