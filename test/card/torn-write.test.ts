/**
 * The framing's promise: a write cut after any number of bytes leaves a card
 * that reads exactly as before or exactly as after, never garbage or an error
 * (format 2, and a first-format card being rewritten in format 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { MemoryCard } from '../../card/memory-card.js';
import { emptyImage } from '../../card/image-codec.js';
import { mergeTickets, removeTickets } from '../../card/tickets.js';
import { CARD_ID, sampleImage, sampleTicket, TearingMemory } from '../helpers/card-fixtures.js';

const CAPACITY = 4096;

/** Card memory holding `images` written one after another. */
async function memoryWith(images: CardImage[]): Promise<Buffer> {
  const memory = new TearingMemory(Buffer.alloc(CAPACITY));
  for (const image of images) await new MemoryCard(CARD_ID, memory).writeImage(image);
  return memory.bytes;
}

/** Cuts the write of `next` after every k = 0..all bytes and checks what a fresh reader sees. */
async function assertTornWritesSafe(
  t: ExecutionContext,
  before: Buffer,
  old: CardImage,
  next: CardImage,
  cardId = CARD_ID,
): Promise<void> {
  const full = new TearingMemory(Buffer.from(before));
  await new MemoryCard(cardId, full).writeImage(next);
  let sawOld = 0;
  let sawNew = 0;
  for (let k = 0; k <= full.written; k++) {
    const memory = new TearingMemory(Buffer.from(before), k);
    const writer = new MemoryCard(cardId, memory);
    await writer.readImage();
    if (k < full.written) await t.throwsAsync(writer.writeImage(next));
    else await writer.writeImage(next);
    const read = await new MemoryCard(cardId, new TearingMemory(memory.bytes)).readImage();
    if (JSON.stringify(read) === JSON.stringify(next)) sawNew++;
    else if (JSON.stringify(read) === JSON.stringify(old)) sawOld++;
    else t.fail(`cut after ${k} of ${full.written} bytes read neither the old nor the new image`);
  }
  t.true(sawOld > 0 && sawNew > 0);
  t.is(sawOld + sawNew, full.written + 1);
}

test('a torn first write onto a blank card reads as blank or as the new image', async (t) => {
  await assertTornWritesSafe(t, Buffer.alloc(CAPACITY), emptyImage(CARD_ID), sampleImage(3));
});

test('a torn write over a card holding one image reads as the old or the new image', async (t) => {
  const old = sampleImage(2);
  await assertTornWritesSafe(t, await memoryWith([old]), old, mergeTickets(old, [sampleTicket(7)]));
});

test('a torn write into the older slot reads as the newest or the new image', async (t) => {
  // The slot being overwritten holds a prefix of the new encoding, so a torn header could revive it if the CRC did not cover the seq.
  const first = sampleImage(1);
  const second = mergeTickets(first, [sampleTicket(2)]);
  const third = mergeTickets(second, [sampleTicket(3)]);
  await assertTornWritesSafe(t, await memoryWith([first, second]), second, third);
});

test('a torn write of a smaller image reads as the old or the new image', async (t) => {
  const first = sampleImage(3);
  const second = sampleImage(4);
  await assertTornWritesSafe(t, await memoryWith([first, second]), second, sampleImage(1));
});

test('a torn write that clears tickets from the middle (a map of extents) reads as the old or the new image', async (t) => {
  const old = sampleImage(5);
  const ids = old.tickets.map((ticket) => ticket.ticket!.ticketId);
  await assertTornWritesSafe(t, await memoryWith([old]), old, removeTickets(old, [ids[1]!, ids[3]!]));
});

test('a torn write after clearing tickets, into the space they left, reads as the old or the new image', async (t) => {
  const first = sampleImage(5);
  const ids = first.tickets.map((ticket) => ticket.ticket!.ticketId);
  const cleared = removeTickets(first, [ids[1]!, ids[3]!]);
  await assertTornWritesSafe(t, await memoryWith([first, cleared]), cleared, mergeTickets(cleared, [sampleTicket(9)]));
});

for (const name of ['format1-ntag216.card', 'format1-file8192.card']) {
  test(`a torn rewrite of the first-format card ${name} in format 2 reads as its old or its new image`, async (t) => {
    const file = readFileSync(join(import.meta.dirname, 'fixtures', name));
    const cardId = (
      JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'format1-fixtures.json'), 'utf8')) as Record<
        string,
        { card_id: string }
      >
    )[name]!.card_id;
    const before = Buffer.from(file.subarray(16));
    const old = await new MemoryCard(cardId, new TearingMemory(Buffer.from(before))).readImage();
    t.is(old.formatVersion, 1);
    await assertTornWritesSafe(t, before, old, { ...mergeTickets(old, [sampleTicket(8)]), formatVersion: 2 }, cardId);
  });
}
