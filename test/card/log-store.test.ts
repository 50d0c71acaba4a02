/**
 * Format 2's framing on card memory: what a read costs, what a write puts
 * where, and how a card that is not (or no longer) readable is told apart.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { ticketsBytes } from '../../card/capacity.js';
import { CardError } from '../../card/card-error.js';
import { HEADER_AREA_BYTES, HEADER_BYTES } from '../../card/format2/commit-header.js';
import { emptyImage, encodedImageBytes } from '../../card/image-codec.js';
import { MemoryCard } from '../../card/memory-card.js';
import { mergeTickets, removeTickets } from '../../card/tickets.js';
import { CARD_ID, sampleImage, sampleTicket, TearingMemory } from '../helpers/card-fixtures.js';

const CAPACITY = 872;
const blank = () => new TearingMemory(Buffer.alloc(CAPACITY));

test('blank memory reads as an empty image with the card id', async (t) => {
  const contents = await new MemoryCard(CARD_ID, blank()).read();
  t.deepEqual(contents, { image: emptyImage(CARD_ID), usedBytes: 0, copied: false, entries: [] });
});

test('memory with other data is NOT_CARDGATE, and a write onto it changes nothing', async (t) => {
  const memory = new TearingMemory(randomBytes(CAPACITY));
  const before = Buffer.from(memory.bytes);
  const card = new MemoryCard(CARD_ID, memory);
  t.is((await t.throwsAsync(card.read(), { instanceOf: CardError })).code, 'NOT_CARDGATE');
  t.is((await t.throwsAsync(card.writeImage(sampleImage(1)), { instanceOf: CardError })).code, 'NOT_CARDGATE');
  t.true(memory.bytes.equals(before));
});

test('a read takes two reads: both headers, then exactly the used bytes', async (t) => {
  const memory = blank();
  await new MemoryCard(CARD_ID, memory).writeImage(sampleImage(2));
  memory.reads = [];
  const contents = await new MemoryCard(CARD_ID, memory).read();
  t.deepEqual(
    memory.reads.map((r) => [r.offset, r.length]),
    [
      [0, HEADER_AREA_BYTES],
      [HEADER_AREA_BYTES, encodedImageBytes(sampleImage(2))],
    ],
  );
  t.is(contents.usedBytes, encodedImageBytes(sampleImage(2)));
});

test('a write right after a read reads only the headers again', async (t) => {
  const memory = blank();
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(sampleImage(1));
  await card.readImage();
  memory.reads = [];
  await card.writeImage(mergeTickets(sampleImage(1), [sampleTicket(2)]));
  t.deepEqual(memory.reads, [{ offset: 0, length: HEADER_AREA_BYTES }]);
});

test('adding an order writes only its records and one header; the tickets already there stay in place', async (t) => {
  const memory = blank();
  const card = new MemoryCard(CARD_ID, memory);
  const first = sampleImage(2);
  await card.writeImage(first);
  const before = memory.written;
  const other = {
    ...sampleTicket(5),
    buyerIdentification: { ...sampleTicket(5).buyerIdentification!, orderId: 'ORD-SECOND0001' },
  };
  await card.writeImage(mergeTickets(first, [other]));
  t.is(memory.written - before, ticketsBytes([other]) + HEADER_BYTES);
  t.deepEqual((await new MemoryCard(CARD_ID, memory).readImage()).tickets.length, 3);
});

test('clearing tickets writes no ticket bytes, and writing the same image again writes nothing', async (t) => {
  const memory = blank();
  const card = new MemoryCard(CARD_ID, memory);
  const image = sampleImage(4);
  await card.writeImage(image);
  let before = memory.written;
  const cleared = removeTickets(image, [image.tickets[1]!.ticket!.ticketId]);
  await card.writeImage(cleared);
  // Only a header, naming the two pieces the image now lies in.
  t.is(memory.written - before, HEADER_BYTES);
  t.deepEqual(await new MemoryCard(CARD_ID, memory).readImage(), cleared);
  before = memory.written;
  await card.writeImage(cleared);
  t.is(memory.written, before);
});

test('both headers ours but unreadable is DAMAGED; writing the tickets again repairs the card', async (t) => {
  const memory = blank();
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(sampleImage(1));
  await card.writeImage(sampleImage(2));
  memory.bytes[HEADER_AREA_BYTES + 5]! ^= 0xff; // in the payload both headers name
  const fresh = new MemoryCard(CARD_ID, memory);
  t.is((await t.throwsAsync(fresh.read(), { instanceOf: CardError })).code, 'DAMAGED');
  await fresh.writeImage(sampleImage(2));
  t.deepEqual(await new MemoryCard(CARD_ID, memory).readImage(), sampleImage(2));
});

test('a first-format card is rewritten in format 2 on its next write, keeping its tickets', async (t) => {
  const fixtures = join(import.meta.dirname, 'fixtures');
  const id = (
    JSON.parse(readFileSync(join(fixtures, 'format1-fixtures.json'), 'utf8')) as Record<string, { card_id: string }>
  )['format1-ntag216.card']!.card_id;
  const memory = new TearingMemory(Buffer.from(readFileSync(join(fixtures, 'format1-ntag216.card')).subarray(16)));
  const card = new MemoryCard(id, memory);
  const old = await card.read();
  t.is(old.image.formatVersion, 1);
  await card.writeImage(mergeTickets(old.image, [sampleTicket(3)]));
  const again = await new MemoryCard(id, memory).read();
  t.is(again.image.formatVersion, 2);
  t.deepEqual(
    again.image.tickets.map((ticket) => ticket.ticket?.ticketId),
    [...old.image.tickets.map((ticket) => ticket.ticket?.ticketId), sampleTicket(3).ticket!.ticketId],
  );
  t.deepEqual(again.image.tickets[0], old.image.tickets[0]);
  t.true(again.usedBytes < old.usedBytes + 200, 'the compact format: two tickets in about the space of one before');
});
