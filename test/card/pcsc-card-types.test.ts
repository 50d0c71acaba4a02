/**
 * SPEC §4's capacity table through the real pcscd: each card type emulated
 * as an ACR122U presents it, one order of tickets for one product with a
 * 24-character buyer name, written through the pcsc driver and read back
 * through a new reader, every ticket still verifying for the card (claims
 * 3, 8, 13: several tickets on one IC card, written by the kiosk, read at the gate).
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { orderBytes, ticketsThatFit, TYPICAL_BUYER_NAME } from '../../card/capacity.js';
import { CardError } from '../../card/card-error.js';
import type { CardType } from '../../card/emulator/card-types.js';
import { isTrailer } from '../../card/emulator/classic-tag.js';
import type { PcscCard } from '../../card/pcsc/pcsc-card.js';
import { signTicket, verifyCardTicket } from '../../card/signature.js';
import { additionalInfo, orderLine, ticketInfo } from '../../card/ticket-fields.js';
import type { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { insertCard, nextCardOff, openReader, pcscTest, READER_0, waitForCard } from '../helpers/pcsc.js';

/** The longest product of the demo catalog (center/admin/seed.ts). */
const PRODUCT = {
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
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** One order of `count` tickets issued to `cardId` as the center issues them (center/sales/ticket-builder.ts). */
function order(count: number, cardId: string): CardImage {
  const orderId = 'ORD-M2K4Q8W1ZX';
  const orderedAt = new Date('2026-11-20T18:31:07.412Z');
  const buyer = { buyerName: TYPICAL_BUYER_NAME, orderContents: orderLine(count, PRODUCT), orderedAt, orderId };
  const tickets = Array.from({ length: count }, (_, i) => {
    const ticket = ticketInfo(PRODUCT, {
      ticketId: `TKT-8F3K2M9QA${i.toString(32).toUpperCase()}`,
      orderId,
      issuedAt: orderedAt,
    });
    return {
      ticket,
      buyerIdentification: buyer,
      additionalInfo: additionalInfo(PRODUCT),
      signature: signTicket(privateKey, ticket, buyer, cardId),
    };
  });
  return { formatVersion: 2, cardId, tickets };
}

const TABLE: Array<{ type: CardType; capacity: number; tickets: number }> = [
  { type: 'ntag215', capacity: 496, tickets: 3 },
  { type: 'ntag216', capacity: 872, tickets: 6 },
  { type: 'classic1k', capacity: 752, tickets: 5 },
  { type: 'classic4k', capacity: 3440, tickets: 25 },
];

for (const { type, capacity, tickets } of TABLE) {
  pcscTest(
    `a ${type} holds ${tickets} tickets of one order, written and read back through pcscd (claim 3)`,
    async (t) => {
      const emulator = await insertCard(t, { type });
      const writer = await openReader(t, `pcsc:${READER_0}`);
      const card = await waitForCard(writer);
      t.is(card.id, emulator.cardId);
      t.is(card.capacity, capacity);
      const blank = await card.read();
      t.deepEqual(blank.image.tickets, []);
      // What the kiosk offers, from the one size estimate the center checks too.
      t.true(ticketsThatFit(PRODUCT, card.freeBytes(blank.image)) >= tickets);
      t.true(orderBytes(PRODUCT, tickets) <= card.freeBytes(blank.image));
      const image = order(tickets, card.id);
      await card.writeImage(image);
      const before = type.startsWith('classic') ? readFileSync(emulator.file) : undefined;
      const off = nextCardOff(writer);
      await emulator.remove();
      await off;
      await writer.close();

      await insertCard(t, { type, file: emulator.file });
      const again = await waitForCard(await openReader(t, `pcsc:${READER_0}`));
      const read = await again.readImage();
      t.deepEqual(read, image);
      t.true(read.tickets.every((ticket) => verifyCardTicket(publicKey, ticket, again.id)));
      if (before) {
        // Sector trailers (keys, access bits) are exactly as the card came from the factory.
        t.is(emulator.trailerWrites(), 0);
        const dump = readFileSync(emulator.file);
        for (let block = 0; block < dump.length / 16; block++)
          if (isTrailer(block))
            t.is(dump.subarray(block * 16, block * 16 + 16).toString('hex'), 'ffffffffffffff078069ffffffffffff');
      }
      const more = await t.throwsAsync(again.writeImage(order(tickets + 2, again.id)), { instanceOf: CardError });
      t.is(more.code, 'CARD_FULL', 'a card that fills up says so, and keeps its tickets');
      t.deepEqual(await again.readImage(), image);
    },
  );
}

pcscTest('an ntag213 reads as a blank card too small for a ticket: CARD_FULL, nothing written', async (t) => {
  const emulator = await insertCard(t, { type: 'ntag213' });
  const card = await waitForCard(await openReader(t, 'pcsc'));
  t.is(card.capacity, 144);
  t.deepEqual((await card.read()).image.tickets, []);
  const before = readFileSync(emulator.file);
  t.is((await t.throwsAsync(card.writeImage(order(1, card.id)), { instanceOf: CardError })).code, 'CARD_FULL');
  t.deepEqual(readFileSync(emulator.file), before);
});

pcscTest('an NTAG-like card of 8192 bytes is measured through pcscd and holds an order of 40', async (t) => {
  await insertCard(t, { capacity: 8192 });
  const card = await waitForCard(await openReader(t, 'pcsc'));
  t.is(card.capacity, 8192);
  const image = order(40, card.id);
  await card.writeImage(image);
  t.deepEqual(await card.readImage(), image);
});

pcscTest('a MIFARE Classic card with unknown keys is NOT_CARDGATE and never written', async (t) => {
  const emulator = await insertCard(t, { type: 'classic1k', classicKey: Buffer.from('A0A1A2A3A4A5', 'hex') });
  const reader = await openReader(t, 'pcsc');
  const before = readFileSync(emulator.file);
  const error = await t.throwsAsync(waitForCard(reader), { instanceOf: CardError });
  t.is(error.code, 'NOT_CARDGATE');
  t.regex(error.message, /keys/);
  t.deepEqual(readFileSync(emulator.file), before);
});

pcscTest('--apdu-delay-ms makes every APDU take that much longer, as a real reader does', async (t) => {
  await insertCard(t, { type: 'ntag216', apduDelayMs: 20 });
  const card = (await waitForCard(await openReader(t, 'pcsc'))) as PcscCard;
  await card.read();
  const { count, ms } = card.connection.stats;
  t.true(count >= 2 && ms / count >= 20, `${count} APDUs in ${ms.toFixed(1)} ms`);
});
