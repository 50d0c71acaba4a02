/**
 * The ENTRY record (SPEC §9, issue #16): a gate's movement written onto the
 * card round-trips in format 2, survives a torn write, stays when a kiosk adds
 * an order, goes with a cleared ticket, and fits on the cards SPEC §4 lists.
 */
import test from 'ava';
import { TYPICAL_BUYER_NAME } from '../../card/capacity.js';
import type { CardEntry } from '../../card/card.js';
import { cardSummary } from '../../card/card-summary.js';
import { decodeImage } from '../../card/image-codec.js';
import { MemoryCard } from '../../card/memory-card.js';
import { additionalInfo, orderLine, ticketInfo } from '../../card/ticket-fields.js';
import { mergeTickets, removeTickets } from '../../card/tickets.js';
import type { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { CARD_ID, sampleImage, sampleTicket, TearingMemory } from '../helpers/card-fixtures.js';

const entryOf = (n: number, overrides: Partial<CardEntry> = {}): CardEntry => ({
  ticketId: sampleTicket(n).ticket!.ticketId,
  gateId: 'G1',
  at: new Date(Date.UTC(2026, 11, 1, 19, 2, 7)),
  direction: 'entry',
  reentry: false,
  ...overrides,
});

async function cardWith(tickets: number, capacity = 4096) {
  const memory = new TearingMemory(Buffer.alloc(capacity));
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(sampleImage(tickets));
  return { card, memory };
}

test('entries round-trip in format 2: ticket, gate, time to the second, direction and re-entry (SPEC §9)', async (t) => {
  const { card, memory } = await cardWith(3);
  const entries = [
    entryOf(2),
    entryOf(2, { direction: 'exit', gateId: 'EXIT-NORTH', at: new Date(Date.UTC(2026, 11, 1, 20, 0, 0)) }),
    entryOf(2, { reentry: true, at: new Date(Date.UTC(2026, 11, 1, 20, 30, 59)) }),
  ];
  for (const entry of entries) await card.addEntry(entry);
  const read = await new MemoryCard(CARD_ID, new TearingMemory(memory.bytes)).read();
  t.deepEqual(read.entries, entries);
  t.deepEqual(read.image, sampleImage(3), 'the tickets are untouched');
  t.like(cardSummary(card, read).entries[1], { ticket_id: 'TKT-0000000002', gate_id: 'EXIT-NORTH', direction: 'exit' });
});

test('an entry at gate G1 takes 10 bytes and is appended without moving a ticket record', async (t) => {
  const { card, memory } = await cardWith(2);
  const before = Buffer.from(memory.bytes);
  const used = (await card.read()).usedBytes;
  memory.written = 0;
  await card.addEntry(entryOf(1));
  t.is((await card.read()).usedBytes - used, 10);
  t.is(memory.written, 10 + 16, 'the record and one commit header are all that is written');
  const changed = [...memory.bytes].flatMap((byte, i) => (byte !== before[i] ? [i] : []));
  t.true(
    changed.every((i) => i < 32 || i >= 32 + used),
    'no byte of the old records changed',
  );
});

test('a torn write of an entry reads as the card before or after it, never anything else', async (t) => {
  const { card, memory } = await cardWith(2);
  await card.addEntry(entryOf(1));
  const before = Buffer.from(memory.bytes);
  const old = await new MemoryCard(CARD_ID, new TearingMemory(Buffer.from(before))).read();
  const full = new TearingMemory(Buffer.from(before));
  await new MemoryCard(CARD_ID, full).addEntry(entryOf(2));
  let sawOld = 0;
  let sawNew = 0;
  for (let k = 0; k <= full.written; k++) {
    const torn = new TearingMemory(Buffer.from(before), k);
    const writer = new MemoryCard(CARD_ID, torn);
    if (k < full.written) await t.throwsAsync(writer.addEntry(entryOf(2)));
    else await writer.addEntry(entryOf(2));
    const read = await new MemoryCard(CARD_ID, new TearingMemory(torn.bytes)).read();
    t.deepEqual(read.image, old.image);
    if (read.entries!.length === 2) sawNew++;
    else if (JSON.stringify(read.entries) === JSON.stringify(old.entries)) sawOld++;
    else t.fail(`cut after ${k} bytes: entries ${JSON.stringify(read.entries)}`);
  }
  t.true(sawOld > 0 && sawNew > 0);
  t.is(sawOld + sawNew, full.written + 1);
});

test('a kiosk adding tickets keeps the entries; clearing a ticket drops its entries only', async (t) => {
  const { card } = await cardWith(2);
  await card.addEntry(entryOf(1));
  await card.addEntry(entryOf(2));
  await card.writeImage(mergeTickets(await card.readImage(), [sampleTicket(3)]));
  t.deepEqual((await card.read()).entries, [entryOf(1), entryOf(2)]);
  await card.writeImage(removeTickets(await card.readImage(), ['TKT-0000000001']));
  const read = await card.read();
  t.deepEqual(read.entries, [entryOf(2)]);
  t.is(read.image.tickets.length, 2);
});

test('a decoder without entries is not fooled: the image alone still decodes, entries are not silently shown as none', async (t) => {
  const { card, memory } = await cardWith(1);
  await card.addEntry(entryOf(1));
  const stored = await new MemoryCard(CARD_ID, new TearingMemory(memory.bytes)).read();
  t.is(stored.entries!.length, 1);
  t.throws(
    () => decodeImage(Buffer.from([0x05, 0x01, 0x00])),
    { message: /cannot be read/ },
    'an entry before the card record is DAMAGED',
  );
});

/** The longest product of the demo catalog (as test/card/pcsc-card-types.test.ts issues it). */
const LONGEST = {
  id: 'PRD-7K3M9Q2B01',
  name: 'City Symphony: Beethoven 9',
  venue: 'Concert Hall',
  startsAt: new Date('2026-12-04T19:00:00Z'),
  seating: 'Stalls',
  price: { currencyCode: 'EUR', amountMinor: 6800 },
  entriesPerTicket: 1,
  venueNotes: 'Latecomers are admitted during the interval.',
  entryInstructions: 'Use the stalls entrance, doors A-C.',
};

function longestOrder(count: number): CardImage {
  const orderId = 'ORD-M2K4Q8W1ZX';
  const orderedAt = new Date('2026-11-20T18:31:07.412Z');
  const buyer = { buyerName: TYPICAL_BUYER_NAME, orderContents: orderLine(count, LONGEST), orderedAt, orderId };
  const tickets = Array.from({ length: count }, (_, i) => ({
    ticket: ticketInfo(LONGEST, {
      ticketId: `TKT-8F3K2M9QA${i.toString(32).toUpperCase()}`,
      orderId,
      issuedAt: orderedAt,
    }),
    buyerIdentification: buyer,
    additionalInfo: additionalInfo(LONGEST),
    signature: Buffer.alloc(64, i + 1),
  }));
  return { formatVersion: 2, cardId: CARD_ID, tickets };
}

test('an NTAG216 (872 bytes) with 6 tickets of the longest product takes an entry for each ticket, and more (SPEC §4)', async (t) => {
  const memory = new TearingMemory(Buffer.alloc(872));
  const card = new MemoryCard(CARD_ID, memory);
  const six = longestOrder(6);
  await card.writeImage(six);
  for (const { ticket } of six.tickets)
    await card.addEntry({ ...entryOf(1), ticketId: ticket!.ticketId, gateId: 'NORTH-GATE-12' });
  const read = await new MemoryCard(CARD_ID, new TearingMemory(memory.bytes)).read();
  t.is(read.entries!.length, 6);
  t.deepEqual(read.image, six);
  t.true(card.freeBytes(read.image) >= 2 * 21, `room left for more entries: ${card.freeBytes(read.image)} bytes`);
});

test('a full card drops the oldest entries of a ticket that has later ones, never a ticket’s last entry', async (t) => {
  const { card } = await cardWith(6, 872);
  // Ticket 1 enters and exits again and again (a re-entry product) until the next entry no longer fits beside them.
  let n = 0;
  while (card.freeBytes((await card.read()).image) >= 10) {
    await card.addEntry(
      entryOf(1, { direction: n % 2 ? 'exit' : 'entry', at: new Date(Date.UTC(2026, 11, 1, 19, 0, n)) }),
    );
    n++;
  }
  const before = (await card.read()).entries!;
  await card.addEntry(entryOf(5));
  const entries = (await card.read()).entries!;
  t.deepEqual(entries.at(-1), entryOf(5), 'the newest entry is on the card');
  const dropped = before.length - (entries.length - 1);
  t.true(dropped >= 1 && dropped <= 3, `${dropped} entries dropped`);
  t.deepEqual(entries.slice(0, -1), before.slice(dropped), 'ticket 1’s oldest entries made room, its latest stay');
});

test('dropEntry takes off the ticket’s last entry at that gate only (an admission undone, SPEC §10)', async (t) => {
  const { card } = await cardWith(2);
  const later = entryOf(1, { at: new Date(Date.UTC(2026, 11, 1, 21, 0, 0)) });
  await card.addEntry(entryOf(1));
  await card.addEntry(entryOf(2));
  await card.addEntry(later);
  await card.dropEntry('TKT-0000000001', 'G1');
  t.deepEqual((await card.read()).entries, [entryOf(1), entryOf(2)]);
  await card.dropEntry('TKT-0000000001', 'G9');
  t.deepEqual((await card.read()).entries, [entryOf(1), entryOf(2)], 'no entry at that gate: nothing changes');
});
