import test from 'ava';
import { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { CardError } from '../../card/card-error.js';
import {
  decodeFormat1,
  decodeImage,
  emptyImage,
  encodeFormat1,
  encodeImage,
  FORMAT_1,
  FORMAT_VERSION,
} from '../../card/image-codec.js';
import { CARD_ID, sampleImage, sampleTicket } from '../helpers/card-fixtures.js';

test('an image with several fully populated tickets survives encode and decode unchanged', (t) => {
  const image = sampleImage(3);
  t.deepEqual(decodeImage(encodeImage(image)), image);
});

test('decoding says the current format version whatever the image said', (t) => {
  t.is(decodeImage(encodeImage({ ...emptyImage(CARD_ID), formatVersion: 0 })).formatVersion, FORMAT_VERSION);
  t.is(FORMAT_VERSION, 2);
});

test('tickets of one order and product share their buyer and venue notes: each more ticket costs 75 bytes', (t) => {
  // As the center issues them: one seat category, issued at the order's time.
  const issued = (n: number) => {
    const ticket = sampleTicket(n);
    const ordered = ticket.buyerIdentification!.orderedAt;
    return { ...ticket, ticket: { ...ticket.ticket!, seat: 'Stalls', issuedAt: ordered } };
  };
  const image = (count: number) => ({
    ...sampleImage(0),
    tickets: Array.from({ length: count }, (_, i) => issued(i + 1)),
  });
  t.is(encodeImage(image(3)).length, encodeImage(image(1)).length + 2 * 75);
  t.deepEqual(decodeImage(encodeImage(image(3))), image(3));
});

test('a record kind this build does not know is UNSUPPORTED_FORMAT', (t) => {
  const bytes = Buffer.concat([encodeImage(sampleImage(1)), Buffer.of(0x7e, 0x01, 0x00)]);
  const error = t.throws(() => decodeImage(bytes), { instanceOf: CardError });
  t.is(error.code, 'UNSUPPORTED_FORMAT');
});

test('bytes that are not a format-2 image are DAMAGED', (t) => {
  for (const bytes of [Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), encodeImage(sampleImage(1)).subarray(0, 40)]) {
    const error = t.throws(() => decodeImage(bytes), { instanceOf: CardError });
    t.is(error.code, 'DAMAGED');
  }
});

test('a first-format image still decodes; other versions are UNSUPPORTED_FORMAT', (t) => {
  const image = sampleImage(2);
  t.deepEqual(decodeFormat1(encodeFormat1(image)), { ...image, formatVersion: FORMAT_1 });
  const other = CardImage.encode({ formatVersion: 3, cardId: CARD_ID, tickets: [] }).finish();
  t.is(t.throws(() => decodeFormat1(other), { instanceOf: CardError }).code, 'UNSUPPORTED_FORMAT');
  t.is(
    t.throws(() => decodeFormat1(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])), { instanceOf: CardError }).code,
    'UNSUPPORTED_FORMAT',
  );
});
