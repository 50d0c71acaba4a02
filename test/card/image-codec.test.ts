import test from 'ava';
import { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { CardError } from '../../card/card-error.js';
import { decodeImage, emptyImage, encodeImage, FORMAT_VERSION } from '../../card/image-codec.js';
import { CARD_ID, sampleImage } from '../helpers/card-fixtures.js';

test('an image with several fully populated tickets survives encode and decode unchanged', (t) => {
  const image = sampleImage(3);
  t.deepEqual(decodeImage(encodeImage(image)), image);
});

test('encoding stamps the current format version', (t) => {
  const bytes = encodeImage({ ...emptyImage(CARD_ID), formatVersion: 0 });
  t.is(CardImage.decode(bytes).formatVersion, FORMAT_VERSION);
});

test('an image of an unknown format version is refused as UNSUPPORTED_FORMAT', (t) => {
  const bytes = CardImage.encode({ formatVersion: FORMAT_VERSION + 1, cardId: CARD_ID, tickets: [] }).finish();
  const error = t.throws(() => decodeImage(bytes), { instanceOf: CardError });
  t.is(error.code, 'UNSUPPORTED_FORMAT');
});

test('bytes that are not a CardImage are refused as UNSUPPORTED_FORMAT', (t) => {
  const error = t.throws(() => decodeImage(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])), { instanceOf: CardError });
  t.is(error.code, 'UNSUPPORTED_FORMAT');
});
