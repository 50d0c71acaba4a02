/** The admission judge on its own (card/admission/): in-memory tickets, records and rules, a real Ed25519 key. */
import test from 'ava';
import { admissionRules } from '../../card/admission/admission-rules.js';
import type { SignatureCheck } from '../../card/admission/judge.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { BuyerIdentification, TicketInfo, type CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { CARD_ID } from '../helpers/card-fixtures.js';
import { edited, issue, judge, known, NOW, OTHER_CARD, R, RULES, verify } from './judge-bench.js';

test('a ticket exactly as issued, with an entry left, is admitted as its first entry (claims 5, 6)', (t) => {
  const issued = issue();
  t.deepEqual(judge(issued, known(issued)), {
    admitted: true,
    direction: 'entry',
    reentry: false,
    entry: 1,
    entriesLeft: 0,
  });
});

test('no known ticket with the id is UNKNOWN_TICKET', (t) => {
  t.like(judge(issue(), null), { admitted: false, reason: R.REJECT_REASON_UNKNOWN_TICKET });
});

test('a ticket issued to another card is WRONG_CARD (claim 6: a copied card)', (t) => {
  const issued = issue();
  t.like(judge(issued, known(issued), { cardId: OTHER_CARD }), { reason: R.REJECT_REASON_WRONG_CARD });
});

const infoEdits: { [K in Exclude<keyof TicketInfo, 'ticketId'>]: TicketInfo[K] } = {
  productId: 'PRD-OTHER00001',
  orderId: 'ORD-OTHER00001',
  eventName: 'Jazz Night (VIP)',
  venue: 'Other Hall',
  startsAt: new Date('2026-12-02T20:00:00.000Z'),
  seat: 'Royal box',
  price: { currencyCode: 'EUR', amountMinor: 1 },
  issuedAt: new Date('2026-11-02T10:15:30.000Z'),
  entriesAllowed: 5,
};
for (const [field, value] of Object.entries(infoEdits)) {
  test(`an edited ${field} is TAMPERED (claim 6)`, (t) => {
    const issued = issue();
    const card = edited(issued, (copy) => Object.assign(copy.ticket!, { [field]: value }));
    t.like(judge(card, known(issued)), { reason: R.REJECT_REASON_TAMPERED });
  });
}

const buyerEdits: { [K in keyof BuyerIdentification]: BuyerIdentification[K] } = {
  buyerName: 'Somebody Else',
  orderContents: '9 x Jazz Night',
  orderedAt: new Date('2026-11-01T10:16:00.000Z'),
  orderId: 'ORD-OTHER00001',
};
for (const [field, value] of Object.entries(buyerEdits)) {
  test(`an edited ${field} in the buyer identification is BUYER_MISMATCH (claim 9)`, (t) => {
    const issued = issue();
    const card = edited(issued, (copy) => Object.assign(copy.buyerIdentification!, { [field]: value }));
    t.like(judge(card, known(issued)), { reason: R.REJECT_REASON_BUYER_MISMATCH });
  });
}

test('a card without buyer identification, or an order without one, is BUYER_MISMATCH (claim 9)', (t) => {
  const issued = issue();
  t.like(
    judge(
      edited(issued, (copy) => (copy.buyerIdentification = undefined)),
      known(issued),
    ),
    { reason: R.REJECT_REASON_BUYER_MISMATCH },
  );
  t.like(judge(issued, known(issued, { issued: { ...known(issued).issued!, buyerIdentification: null } })), {
    reason: R.REJECT_REASON_BUYER_MISMATCH,
  });
});

test('a forged, short or missing signature over unchanged fields is TAMPERED', (t) => {
  const issued = issue();
  const forged = edited(issued, (copy) => {
    copy.signature = Buffer.from(issued.signature);
    copy.signature[10]! ^= 0xff;
  });
  for (const card of [
    forged,
    edited(issued, (copy) => (copy.signature = issued.signature.subarray(0, 32))),
    edited(issued, (copy) => (copy.signature = Buffer.alloc(0))),
  ]) {
    t.like(judge(card, known(issued)), { reason: R.REJECT_REASON_TAMPERED });
  }
});

test('the stored signature is compared first and verified only when the card carries another', (t) => {
  const issued = issue();
  let verified = 0;
  const counting: SignatureCheck = (cardTicket, cardId) => {
    verified++;
    return verify(cardTicket, cardId);
  };
  t.true(judge(issued, known(issued), { verify: counting }).admitted);
  t.is(verified, 0);
  const record = known(issued, { issued: { ...known(issued).issued!, signature: null } });
  t.true(judge(issued, record, { verify: counting }).admitted);
  t.is(verified, 1);
});

test('a cancelled ticket is CANCELLED', (t) => {
  const issued = issue();
  t.like(judge(issued, known(issued, { cancelled: true })), { reason: R.REJECT_REASON_CANCELLED });
});

test('outside its window a ticket is NOT_YET_VALID or EXPIRED, with the window; its bounds admit', (t) => {
  const issued = issue();
  const ticket = known(issued);
  const window = { validFrom: RULES.opensAt!, validUntil: RULES.closesAt };
  t.deepEqual(judge(issued, ticket, { now: new Date(RULES.opensAt!.getTime() - 1) }), {
    admitted: false,
    reason: R.REJECT_REASON_NOT_YET_VALID,
    ...window,
  });
  t.deepEqual(judge(issued, ticket, { now: new Date(RULES.closesAt.getTime() + 1) }), {
    admitted: false,
    reason: R.REJECT_REASON_EXPIRED,
    ...window,
  });
  t.true(judge(issued, ticket, { now: RULES.opensAt! }).admitted);
  t.true(judge(issued, ticket, { now: RULES.closesAt }).admitted);
});

test('at a gate its product does not list a ticket is WRONG_GATE with the gates; with no gate id (a kiosk) the gates do not apply', (t) => {
  const issued = issue();
  const ticket = known(issued, { rules: { ...RULES, gateIds: ['North', 'East'] } });
  t.deepEqual(judge(issued, ticket, { gateId: 'South' }), {
    admitted: false,
    reason: R.REJECT_REASON_WRONG_GATE,
    gateIds: ['North', 'East'],
  });
  t.true(judge(issued, ticket, { gateId: 'East' }).admitted);
  t.true(judge(issued, ticket, { gateId: '' }).admitted);
});

test('a ticket with every entry used is ALREADY_USED with its first use; one with entries left takes the next', (t) => {
  const issued = issue(3);
  const firstUse = { firstUsedAt: new Date(NOW.getTime() - 600_000), firstUsedGate: 'G7' };
  t.deepEqual(judge(issued, known(issued, { entries: { entriesUsed: 1, ...firstUse, lastMovement: 'entry' } })), {
    admitted: true,
    direction: 'entry',
    reentry: false,
    entry: 2,
    entriesLeft: 1,
  });
  t.deepEqual(judge(issued, known(issued, { entries: { entriesUsed: 3, ...firstUse, lastMovement: 'entry' } })), {
    admitted: false,
    reason: R.REJECT_REASON_ALREADY_USED,
    ...firstUse,
  });
});

test("the entries allowed are the issued record's", (t) => {
  const issued = issue(1);
  const record = known(issued, {
    entries: { entriesUsed: 1, firstUsedAt: NOW, firstUsedGate: 'G1', lastMovement: 'entry' },
  });
  t.like(judge(issued, record), { reason: R.REJECT_REASON_ALREADY_USED });
  t.like(judge(issued, { ...record, issued: { ...record.issued!, entriesAllowed: 2 } }), { admitted: true, entry: 2 });
});

test('without an issued record (a gate off line) the signature vouches for the card, fields and buyer', (t) => {
  const issued = issue(2);
  const offline = known(issued, { issued: undefined });
  t.deepEqual(judge(issued, offline), { admitted: true, direction: 'entry', reentry: false, entry: 1, entriesLeft: 1 });
  t.like(judge(issued, offline, { cardId: OTHER_CARD }), { reason: R.REJECT_REASON_TAMPERED });
  t.like(
    judge(
      edited(issued, (copy) => (copy.ticket!.seat = 'Royal box')),
      offline,
    ),
    { reason: R.REJECT_REASON_TAMPERED },
  );
  t.like(
    judge(
      edited(issued, (copy) => (copy.buyerIdentification!.buyerName = 'Somebody Else')),
      offline,
    ),
    { reason: R.REJECT_REASON_TAMPERED },
  );
  t.like(
    judge(issued, {
      ...offline,
      entries: { entriesUsed: 2, firstUsedAt: NOW, firstUsedGate: 'G1', lastMovement: 'entry' },
    }),
    {
      reason: R.REJECT_REASON_ALREADY_USED,
    },
  );
});

/** Every fault a presentation can have, in SPEC §3's order, each with the reason it alone gives. */
const FAULTS: ReadonlyArray<{ name: string; reason: RejectReason; apply(c: Case): void }> = [
  { name: 'unknown', reason: R.REJECT_REASON_UNKNOWN_TICKET, apply: (c) => (c.unknown = true) },
  { name: 'wrong card', reason: R.REJECT_REASON_WRONG_CARD, apply: (c) => (c.cardId = OTHER_CARD) },
  { name: 'edited field', reason: R.REJECT_REASON_TAMPERED, apply: (c) => (c.card.ticket!.seat = 'Royal box') },
  {
    name: 'buyer',
    reason: R.REJECT_REASON_BUYER_MISMATCH,
    apply: (c) => (c.card.buyerIdentification!.buyerName = 'Somebody Else'),
  },
  { name: 'signature', reason: R.REJECT_REASON_TAMPERED, apply: (c) => (c.card.signature = Buffer.alloc(64, 7)) },
  { name: 'cancelled', reason: R.REJECT_REASON_CANCELLED, apply: (c) => (c.cancelled = true) },
  {
    name: 'not yet valid',
    reason: R.REJECT_REASON_NOT_YET_VALID,
    apply: (c) => (c.now = new Date(RULES.opensAt!.getTime() - 1)),
  },
  { name: 'expired', reason: R.REJECT_REASON_EXPIRED, apply: (c) => (c.now = new Date(RULES.closesAt.getTime() + 1)) },
  { name: 'gate', reason: R.REJECT_REASON_WRONG_GATE, apply: (c) => (c.gateId = 'South') },
  { name: 'used', reason: R.REJECT_REASON_ALREADY_USED, apply: (c) => (c.entriesUsed = 1) },
];
interface Case {
  card: CardTicket;
  cardId: string;
  gateId: string;
  now: Date;
  unknown: boolean;
  cancelled: boolean;
  entriesUsed: number;
}

test("with any combination of faults the reason is the first that applies in SPEC §3's order", (t) => {
  const issued = issue();
  const notBoth = (mask: number) => (mask & (1 << 6)) === 0 || (mask & (1 << 7)) === 0; // a window is either not open yet or closed
  let combinations = 0;
  for (let mask = 1; mask < 1 << FAULTS.length; mask++) {
    if (!notBoth(mask)) continue;
    const c: Case = {
      card: structuredClone(issued),
      cardId: CARD_ID,
      gateId: 'North',
      now: NOW,
      unknown: false,
      cancelled: false,
      entriesUsed: 0,
    };
    const faults = FAULTS.filter((_, i) => mask & (1 << i));
    for (const fault of faults) fault.apply(c);
    const record = c.unknown
      ? null
      : known(issued, {
          cancelled: c.cancelled,
          rules: { ...RULES, gateIds: ['North'] },
          entries: {
            entriesUsed: c.entriesUsed,
            firstUsedAt: NOW,
            firstUsedGate: 'North',
            lastMovement: c.entriesUsed > 0 ? 'entry' : null,
          },
        });
    const verdict = judge(c.card, record, { cardId: c.cardId, gateId: c.gateId, now: c.now });
    t.like(verdict, { admitted: false, reason: faults[0]!.reason }, faults.map((f) => f.name).join(' + '));
    combinations++;
  }
  t.is(combinations, 767);
});

test('a product without an admission window admits from the sale until 24 hours after its start', (t) => {
  const startsAt = new Date('2026-12-01T20:00:00.000Z');
  t.deepEqual(admissionRules({ startsAt, gateIds: ['North'] }), {
    opensAt: null,
    closesAt: new Date('2026-12-02T20:00:00.000Z'),
    gateIds: ['North'],
    allowReentry: false,
  });
  const window = {
    admissionOpensAt: new Date('2026-12-01T18:00:00.000Z'),
    admissionClosesAt: new Date('2026-12-01T23:00:00.000Z'),
  };
  t.deepEqual(admissionRules({ startsAt, gateIds: [], ...window }), {
    opensAt: window.admissionOpensAt,
    closesAt: window.admissionClosesAt,
    gateIds: [],
    allowReentry: false,
  });
  t.true(admissionRules({ startsAt, gateIds: [], allowReentry: true }).allowReentry);
  t.deepEqual(admissionRules({ startsAt, gateIds: [], admissionOpensAt: null, admissionClosesAt: null }).opensAt, null);
});
