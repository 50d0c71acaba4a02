/**
 * The one size estimate (card/capacity.ts): what tickets add to a card,
 * what a card still takes, and that a card that fills up is a clear
 * CARD_FULL before anything is written.
 */
import test from 'ava';
import { freeBytes, maxImageBytes, orderBytes, ticketsBytes, ticketsThatFit } from '../../card/capacity.js';
import { CardError } from '../../card/card-error.js';
import { emptyImage, encodedImageBytes } from '../../card/image-codec.js';
import { MemoryCard } from '../../card/memory-card.js';
import { mergeTickets } from '../../card/tickets.js';
import type { CardImage, CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { CARD_ID, sampleImage, sampleTicket, TearingMemory } from '../helpers/card-fixtures.js';

const CAPACITY = 872;

/** A one-ticket order of its own whose records take exactly `bytes` (the buyer name pads it). */
function ticketOf(bytes: number): CardTicket {
  for (let name = 0; name < bytes; name++) {
    const base = sampleTicket(50);
    const ticket = {
      ...base,
      buyerIdentification: { ...base.buyerIdentification!, orderId: 'ORD-PAD', buyerName: 'n'.repeat(name) },
    };
    if (ticketsBytes([ticket]) === bytes) return ticket;
  }
  throw new Error(`no padding gives ${bytes} bytes`);
}

async function cardWith(image: CardImage): Promise<{ card: MemoryCard; memory: TearingMemory }> {
  const memory = new TearingMemory(Buffer.alloc(CAPACITY));
  const card = new MemoryCard(CARD_ID, memory);
  await card.writeImage(image);
  return { card, memory };
}

test('an image larger than the card is CARD_FULL, nothing is written, the old image stays', async (t) => {
  const old = sampleImage(2);
  const { card, memory } = await cardWith(old);
  const before = Buffer.from(memory.bytes);
  const error = await t.throwsAsync(card.writeImage(sampleImage(12)), { instanceOf: CardError });
  t.is(error.code, 'CARD_FULL');
  t.regex(error.message, /full/);
  t.true(memory.bytes.equals(before));
  t.deepEqual(await card.readImage(), old);
});

test('tickets of exactly the free size fit, one byte more is CARD_FULL', async (t) => {
  const { card } = await cardWith(sampleImage(2));
  const image = await card.readImage();
  const free = card.freeBytes(image);
  const tooBig = ticketOf(free + 1);
  const error = await t.throwsAsync(card.writeImage(mergeTickets(image, [tooBig])), { instanceOf: CardError });
  t.is(error.code, 'CARD_FULL');
  const fitting = mergeTickets(image, [ticketOf(free)]);
  await card.writeImage(fitting);
  t.deepEqual(await card.readImage(), fitting);
  t.is(card.freeBytes(fitting), 0);
});

test('free bytes shrink by what the tickets of a new order cost', (t) => {
  const image = sampleImage(1);
  const added = [ticketOf(400)];
  t.is(freeBytes(mergeTickets(image, added), CAPACITY), freeBytes(image, CAPACITY) - ticketsBytes(added));
});

test('a blank card offers its memory less two headers and the card record', (t) => {
  t.is(maxImageBytes(8192), 8192 - 32);
  t.is(freeBytes(emptyImage(CARD_ID), 872), 872 - 32 - encodedImageBytes(emptyImage(CARD_ID)));
});

test('the kiosk estimate for a product is what the tickets it issues take, and tells how many fit', (t) => {
  const product = {
    id: 'PRD-JAZZ000001',
    name: 'Jazz Night',
    venue: 'Blue Note Hall',
    startsAt: new Date('2026-12-01T20:00:00Z'),
    seating: '',
    price: { currencyCode: 'EUR', amountMinor: 3500 },
    entriesPerTicket: 1,
    venueNotes: 'Doors open one hour before the show.',
    entryInstructions: 'Show your card at the main entrance.',
  };
  const one = orderBytes(product, 1);
  const each = orderBytes(product, 2) - one;
  t.is(each, 75, 'a ticket of an order already on the card: its id, its signature, its record header and flags');
  t.is(orderBytes(product, 6), one + 5 * each);
  t.is(ticketsThatFit(product, orderBytes(product, 3)), 3);
  t.is(ticketsThatFit(product, orderBytes(product, 3) - 1), 2);
});
