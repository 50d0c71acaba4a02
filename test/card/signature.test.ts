import test from 'ava';
import type { BuyerIdentification, CardTicket, TicketInfo } from '../../gen/cardgate/v1/ticket.js';
import { publicKeyFromRaw, signedTicketBytes, signTicket, verifyCardTicket } from '../../card/signature.js';
import { SignedTicket } from '../../gen/cardgate/v1/ticket.js';
import { CARD_ID, keyPair, sampleTicket } from '../helpers/card-fixtures.js';

const { privateKey, publicKey } = keyPair();
const signed = () => sampleTicket(1, { privateKey, cardId: CARD_ID });

test('a ticket signed for a card verifies on that card', (t) => {
  t.true(verifyCardTicket(publicKey, signed(), CARD_ID));
});

test('a signature is 64 bytes over the SignedTicket encoding', (t) => {
  const { ticket, buyerIdentification } = signed();
  t.is(signTicket(privateKey, ticket!, buyerIdentification!, CARD_ID).length, 64);
  t.deepEqual(
    signedTicketBytes(ticket, buyerIdentification, CARD_ID),
    Buffer.from(SignedTicket.encode({ ticket, buyerIdentification, cardId: CARD_ID }).finish()),
  );
});

test('a ticket copied to another card id does not verify', (t) => {
  t.false(verifyCardTicket(publicKey, signed(), '04FFFFFFFFFFFF'));
});

test('a signature by another key does not verify', (t) => {
  t.false(verifyCardTicket(keyPair().publicKey, signed(), CARD_ID));
});

const ticketEdits: { [K in keyof TicketInfo]: TicketInfo[K] } = {
  ticketId: 'TKT-0000000099',
  productId: 'PRD-OTHER00001',
  orderId: 'ORD-OTHER00001',
  eventName: 'Jazz Night (VIP)',
  venue: 'Other Hall',
  startsAt: new Date('2026-12-02T20:00:00.000Z'),
  seat: 'Row A, seat 1',
  price: { currencyCode: 'EUR', amountMinor: 1 },
  issuedAt: new Date('2026-11-02T10:15:30.000Z'),
  entriesAllowed: 5,
};
for (const [field, value] of Object.entries(ticketEdits)) {
  test(`editing ticket ${field} breaks the signature`, (t) => {
    const ticket: CardTicket = signed();
    const edited = { ...ticket, ticket: { ...ticket.ticket!, [field]: value } };
    t.false(verifyCardTicket(publicKey, edited, CARD_ID));
  });
}

const buyerEdits: { [K in keyof BuyerIdentification]: BuyerIdentification[K] } = {
  buyerName: 'Taro Yamada',
  orderContents: '9 x Jazz Night',
  orderedAt: new Date('2026-11-01T10:16:00.000Z'),
  orderId: 'ORD-OTHER00001',
};
for (const [field, value] of Object.entries(buyerEdits)) {
  test(`editing buyer ${field} breaks the signature`, (t) => {
    const ticket: CardTicket = signed();
    const edited = { ...ticket, buyerIdentification: { ...ticket.buyerIdentification!, [field]: value } };
    t.false(verifyCardTicket(publicKey, edited, CARD_ID));
  });
}

test('additional info is not signed, so venue notes can change', (t) => {
  const ticket = signed();
  t.true(
    verifyCardTicket(
      publicKey,
      { ...ticket, additionalInfo: { venueNotes: 'Doors at 18:30', entryInstructions: '' } },
      CARD_ID,
    ),
  );
});

for (const [name, signature] of [
  ['empty', Buffer.alloc(0)],
  ['63-byte', Buffer.alloc(63, 1)],
  ['65-byte', Buffer.alloc(65, 1)],
  ['random 64-byte', Buffer.alloc(64, 0xab)],
] as const) {
  test(`a ${name} signature is false, not an error`, (t) => {
    t.false(verifyCardTicket(publicKey, { ...signed(), signature }, CARD_ID));
  });
}

test('a ticket without ticket info is false, not an error', (t) => {
  t.false(verifyCardTicket(publicKey, { ...signed(), ticket: undefined }, CARD_ID));
});

test('the raw 32-byte public key from GetSigningKey verifies like the key object', (t) => {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  t.true(verifyCardTicket(publicKeyFromRaw(der.subarray(der.length - 32)), signed(), CARD_ID));
});
