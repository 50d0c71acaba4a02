/**
 * Property tests (fast-check): a card's bytes are untrusted input. Whatever
 * a card holds decodes to an image or to a clear CardError, never another
 * exception; every image survives the compact codec unchanged; and no byte
 * changed on a card ever yields a ticket that still verifies with other
 * contents (claims 1 and 3: the signed ticket and buyer identification on the card).
 */
import { generateKeyPairSync } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import test from 'ava';
import fc from 'fast-check';
import { CardError } from '../../card/card-error.js';
import { buildCommitHeader, HEADER_AREA_BYTES } from '../../card/format2/commit-header.js';
import { decodeImage, encodeImage, FORMAT_VERSION } from '../../card/image-codec.js';
import { MemoryCard } from '../../card/memory-card.js';
import { signTicket, verifyCardTicket } from '../../card/signature.js';
import type { CardImage, CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { CARD_ID, sampleTicket, TearingMemory } from '../helpers/card-fixtures.js';

const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const id = (prefix: string) => fc.oneof(fc.stringMatching(new RegExp(`^${prefix}-[0-9A-HJKMNP-TV-Z]{1,12}$`)), text);
const date = fc.date({ min: new Date(-8.6e15), max: new Date(8.6e15), noInvalidDate: true });
/** fast-check records have no prototype; the codec's objects are plain. */
const plain = <T extends object>(arbitrary: fc.Arbitrary<T>) => arbitrary.map((value) => ({ ...value }));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const money = plain(
  fc.record({
    currencyCode: fc.oneof(fc.constantFrom('EUR', 'JPY', 'USD'), text),
    amountMinor: fc.maxSafeInteger(),
  }),
);
const ticketInfo = plain(
  fc.record({
    ticketId: id('TKT'),
    productId: id('PRD'),
    orderId: id('ORD'),
    eventName: text,
    venue: text,
    startsAt: maybe(date),
    seat: text,
    price: maybe(money),
    issuedAt: maybe(date),
    entriesAllowed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  }),
);
const buyer = plain(fc.record({ buyerName: text, orderContents: text, orderedAt: maybe(date), orderId: id('ORD') }));
const cardTicket: fc.Arbitrary<CardTicket> = plain(
  fc.record({
    ticket: maybe(ticketInfo),
    buyerIdentification: maybe(buyer),
    additionalInfo: maybe(plain(fc.record({ venueNotes: text, entryInstructions: text }))),
    signature: fc
      .oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ maxLength: 70 }))
      .map((b) => Buffer.from(b)),
  }),
);
/** Tickets that share orders and products, as real cards hold them, and arbitrary ones. */
const image: fc.Arbitrary<CardImage> = fc
  .record({
    cardId: fc.oneof(fc.constant(CARD_ID), text),
    shared: fc.array(cardTicket, { minLength: 1, maxLength: 3 }),
    picks: fc.array(fc.nat(), { maxLength: 8 }),
    own: fc.array(cardTicket, { maxLength: 2 }),
  })
  .map(({ cardId, shared, picks, own }) => ({
    formatVersion: FORMAT_VERSION,
    cardId,
    tickets: [
      ...picks.map((n) => {
        const base = shared[n % shared.length]!;
        const owner = shared[0]!;
        return {
          ...base,
          buyerIdentification: owner.buyerIdentification,
          ticket: base.ticket && { ...base.ticket, ticketId: `TKT-${n}` },
        };
      }),
      ...own,
    ],
  }));

test('any image survives the compact codec unchanged', (t) => {
  fc.assert(
    fc.property(image, (original) => isDeepStrictEqual(decodeImage(encodeImage(original)), original)),
    {
      numRuns: 400,
    },
  );
  t.pass();
});

async function readsCleanly(memory: Buffer): Promise<boolean> {
  try {
    await new MemoryCard(CARD_ID, new TearingMemory(memory)).read();
    return true;
  } catch (error) {
    return error instanceof CardError;
  }
}

test('any bytes on a card read as an image or a CardError, never another exception', async (t) => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 96, maxLength: 600 }), async (bytes) =>
      readsCleanly(Buffer.from(bytes)),
    ),
    { numRuns: 300 },
  );
  // Bytes behind a header whose CRC matches, so they reach the record decoder.
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.nat(3), async (payload, seq) => {
      const memory = Buffer.alloc(HEADER_AREA_BYTES + 400 + 64);
      const bytes = Buffer.from(payload);
      buildCommitHeader(seq, [{ offset: HEADER_AREA_BYTES, length: bytes.length }], undefined, bytes).copy(memory);
      bytes.copy(memory, HEADER_AREA_BYTES);
      return readsCleanly(memory);
    }),
    { numRuns: 300 },
  );
  t.pass();
});

test('no byte changed on a card yields a ticket that verifies with other contents (claim 1)', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signed = (n: number) => {
    const ticket = sampleTicket(n);
    return { ...ticket, signature: signTicket(privateKey, ticket.ticket!, ticket.buyerIdentification!, CARD_ID) };
  };
  const original = { formatVersion: FORMAT_VERSION, cardId: CARD_ID, tickets: [1, 2, 3].map(signed) };
  const payload = encodeImage(original);
  const genuine = (ticket: CardTicket) =>
    original.tickets.some(
      (o) =>
        isDeepStrictEqual(o.ticket, ticket.ticket) &&
        isDeepStrictEqual(o.buyerIdentification, ticket.buyerIdentification),
    );
  // The payload without the framing's CRC: the codec and the signature alone must catch the change.
  fc.assert(
    fc.property(fc.nat(payload.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
      const changed = Buffer.from(payload);
      changed[at]! ^= flip;
      let decoded: CardImage;
      try {
        decoded = decodeImage(changed);
      } catch (error) {
        return error instanceof CardError;
      }
      return decoded.tickets.every((ticket) => !verifyCardTicket(publicKey, ticket, CARD_ID) || genuine(ticket));
    }),
    { numRuns: 1000 },
  );
  // And on the card, with the framing.
  const memory = new TearingMemory(Buffer.alloc(872));
  await new MemoryCard(CARD_ID, memory).writeImage(original);
  const bytes = Buffer.from(memory.bytes);
  await fc.assert(
    fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
      const changed = Buffer.from(bytes);
      changed[at]! ^= flip;
      try {
        const { image: read } = await new MemoryCard(CARD_ID, new TearingMemory(changed)).read();
        return read.tickets.every((ticket) => !verifyCardTicket(publicKey, ticket, CARD_ID) || genuine(ticket));
      } catch (error) {
        return error instanceof CardError;
      }
    }),
    { numRuns: 500 },
  );
  t.pass();
});
