import { randomBytes } from 'node:crypto';
import test from 'ava';
import { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { CardError } from '../../card/card-error.js';
import { FramedStore } from '../../card/framed-store.js';
import { emptyImage, encodedImageBytes } from '../../card/image-codec.js';
import { MemoryCard } from '../../card/memory-card.js';
import { HEADER_AREA_BYTES } from '../../card/slot-layout.js';
import { CARD_ID, sampleImage, TearingMemory } from '../helpers/card-fixtures.js';

const CAPACITY = 4096;
const blank = () => new TearingMemory(Buffer.alloc(CAPACITY));

test('blank memory reads as an empty image with the card id', async (t) => {
  const contents = await new MemoryCard(CARD_ID, blank()).read();
  t.deepEqual(contents, { image: emptyImage(CARD_ID), usedBytes: 0, copied: false });
});

test('memory with other data and no slot is NOT_CARDGATE', async (t) => {
  const memory = new TearingMemory(randomBytes(CAPACITY));
  const error = await t.throwsAsync(new MemoryCard(CARD_ID, memory).read(), { instanceOf: CardError });
  t.is(error.code, 'NOT_CARDGATE');
});

test("a write onto another application's data is refused and changes nothing", async (t) => {
  const memory = new TearingMemory(randomBytes(CAPACITY));
  const before = Buffer.from(memory.bytes);
  const error = await t.throwsAsync(new MemoryCard(CARD_ID, memory).writeImage(sampleImage(1)), {
    instanceOf: CardError,
  });
  t.is(error.code, 'NOT_CARDGATE');
  t.true(memory.bytes.equals(before));
});

test('a read takes two reads: both headers, then only the used bytes of the newest slot', async (t) => {
  const memory = blank();
  await new MemoryCard(CARD_ID, memory).writeImage(sampleImage(2));
  memory.reads = [];
  await new MemoryCard(CARD_ID, memory).readImage();
  t.deepEqual(
    memory.reads.map((r) => r.length),
    [HEADER_AREA_BYTES, encodedImageBytes(sampleImage(2))],
  );
});

test('a write right after a read reads only the headers again', async (t) => {
  const memory = blank();
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(sampleImage(1));
  await card.readImage();
  memory.reads = [];
  await card.writeImage(sampleImage(2));
  t.deepEqual(
    memory.reads.map((r) => r.length),
    [HEADER_AREA_BYTES],
  );
});

test('after many writes the newest image is read, whichever slot holds it', async (t) => {
  const memory = blank();
  for (let n = 1; n <= 5; n++) await new MemoryCard(CARD_ID, memory).writeImage(sampleImage(n));
  t.deepEqual(await new MemoryCard(CARD_ID, memory).readImage(), sampleImage(5));
});

test('a card whose two slots are both corrupt is DAMAGED, and can be written again', async (t) => {
  const memory = blank();
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(sampleImage(1));
  await card.writeImage(sampleImage(2));
  memory.bytes.fill(0x55, HEADER_AREA_BYTES);
  const error = await t.throwsAsync(new MemoryCard(CARD_ID, memory).read(), { instanceOf: CardError });
  t.is(error.code, 'DAMAGED');
  await new MemoryCard(CARD_ID, memory).writeImage(sampleImage(3));
  t.deepEqual(await new MemoryCard(CARD_ID, memory).readImage(), sampleImage(3));
});

test('an intact slot of an unknown format version is UNSUPPORTED_FORMAT', async (t) => {
  const memory = blank();
  await new FramedStore(memory).write(
    Buffer.from(CardImage.encode({ formatVersion: 2, cardId: CARD_ID, tickets: [] }).finish()),
  );
  const error = await t.throwsAsync(new MemoryCard(CARD_ID, memory).read(), { instanceOf: CardError });
  t.is(error.code, 'UNSUPPORTED_FORMAT');
});

test('an image written for another card id is returned and marked as copied', async (t) => {
  const memory = blank();
  await new FramedStore(memory).write(Buffer.from(CardImage.encode(sampleImage(1, '04000000000001')).finish()));
  const contents = await new MemoryCard(CARD_ID, memory).read();
  t.true(contents.copied);
  t.is(contents.image.cardId, '04000000000001');
  t.is(contents.image.tickets.length, 1);
});

test("a written image always carries the card's own id", async (t) => {
  const memory = blank();
  await new MemoryCard(CARD_ID, memory).writeImage(sampleImage(1, '04000000000001'));
  const contents = await new MemoryCard(CARD_ID, memory).read();
  t.is(contents.image.cardId, CARD_ID);
  t.false(contents.copied);
});

test('a header torn after its magic and seq (length 0, CRC 0) is not a valid slot, whatever buffer an empty read returns', async (t) => {
  const memory = new TearingMemory(Buffer.alloc(CAPACITY));
  const card = new MemoryCard(CARD_ID, memory);
  const image = sampleImage(1);
  await card.writeImage(image);
  // The next write's header cut after its first 8 bytes: "CGC1", seq 2, then zeros.
  memory.bytes.write('CGC1', 16, 'latin1');
  memory.bytes.writeUInt32BE(2, 20);
  // A driver that answers a zero-length read with a slice of Buffer.concat([]) (no backing memory), as the pcsc driver does.
  const read = memory.read.bind(memory);
  memory.read = async (offset, length) => (length === 0 ? Buffer.concat([]).subarray(0, 0) : read(offset, length));
  t.deepEqual(await new MemoryCard(CARD_ID, memory).readImage(), image);
});
