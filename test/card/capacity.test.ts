import test from 'ava';
import { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { freeBytes, maxImageBytes } from '../../card/capacity.js';
import { CardError } from '../../card/card-error.js';
import { emptyImage, encodedImageBytes } from '../../card/image-codec.js';
import { MemoryCard } from '../../card/memory-card.js';
import { mergeTickets } from '../../card/tickets.js';
import { CARD_ID, sampleImage, TearingMemory } from '../helpers/card-fixtures.js';

const CAPACITY = 2048;

/** `image` plus one padding ticket sized so the whole encodes to exactly `bytes`. */
function grownTo(image: CardImage, bytes: number): CardImage {
  for (let notes = 0; notes < bytes; notes++) {
    for (let extra = 0; extra < 3; extra++) {
      const padding = {
        ticket: undefined,
        buyerIdentification: undefined,
        additionalInfo: { venueNotes: 'n'.repeat(notes), entryInstructions: 'e'.repeat(extra) },
        signature: Buffer.alloc(0),
      };
      const grown = { ...image, tickets: [...image.tickets, padding] };
      if (encodedImageBytes(grown) === bytes) return grown;
    }
  }
  throw new Error(`no padding gives ${bytes} bytes`);
}

async function cardWith(image: CardImage): Promise<{ card: MemoryCard; memory: TearingMemory }> {
  const memory = new TearingMemory(Buffer.alloc(CAPACITY));
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(image);
  return { card, memory };
}

test('an image larger than one slot is CARD_FULL and the old image stays intact', async (t) => {
  const old = sampleImage(2);
  const { card, memory } = await cardWith(old);
  const before = Buffer.from(memory.bytes);
  const error = await t.throwsAsync(card.writeImage(sampleImage(40)), { instanceOf: CardError });
  t.is(error.code, 'CARD_FULL');
  t.true(memory.bytes.equals(before));
  t.deepEqual(await card.readImage(), old);
});

test('tickets of exactly the free size fit', async (t) => {
  const { card } = await cardWith(sampleImage(2));
  const image = await card.readImage();
  const fitting = grownTo(image, encodedImageBytes(image) + card.freeBytes(image));
  await card.writeImage(fitting);
  t.deepEqual(await card.readImage(), fitting);
  t.is(card.freeBytes(fitting), 0);
});

test('tickets one byte over the free size are CARD_FULL', async (t) => {
  const { card } = await cardWith(sampleImage(2));
  const image = await card.readImage();
  const tooBig = grownTo(image, encodedImageBytes(image) + card.freeBytes(image) + 1);
  const error = await t.throwsAsync(card.writeImage(tooBig), { instanceOf: CardError });
  t.is(error.code, 'CARD_FULL');
  t.deepEqual(await card.readImage(), image);
});

test('free bytes is what appending tickets costs, as the center counts it', (t) => {
  const image = sampleImage(1);
  const added = sampleImage(2).tickets.slice(1);
  // What center/sales/ticket-builder.ts cardBytesNeeded computes: a CardImage of just the new tickets.
  const cost = CardImage.encode({ formatVersion: 0, cardId: '', tickets: added }).finish().length;
  t.is(freeBytes(mergeTickets(image, added), CAPACITY), freeBytes(image, CAPACITY) - cost);
});

test('a blank card offers one slot minus the empty image', (t) => {
  t.is(freeBytes(emptyImage(CARD_ID), 8192), maxImageBytes(8192) - encodedImageBytes(emptyImage(CARD_ID)));
  t.true(maxImageBytes(8192) > 4000 && maxImageBytes(8192) < 4096);
});
