/**
 * Admission fixtures: one case for each answer the judge can give, alone and
 * with others that come later in SPEC §3's order, each saying what the judge
 * must answer; the exits, re-entries and annulments of SPEC §10 are in
 * admission-movement-fixtures.ts. admission-paths.ts runs them through the
 * fast path, the judge and RedeemTicket; what they are made of is in
 * admission-fixture-kit.ts.
 */
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { HOUR } from '../helpers/clock.js';
import { createProduct } from '../helpers/factories.js';
import { admitOnce, AT, buy, cancel, edited, OTHER_CARD, R, shown, type Fixture } from './admission-fixture-kit.js';

const forge = (copy: CardTicket) => {
  copy.signature = Buffer.from(copy.signature);
  copy.signature[10]! ^= 0xff;
};

const NOT_YET_OPEN = {
  startsAt: new Date(AT.getTime() + 3 * HOUR),
  admissionOpensAt: new Date(AT.getTime() + 2 * HOUR),
};
const CLOSED = { admissionClosesAt: new Date(AT.getTime() - HOUR) };

/** One fixture of each kind the judge can answer, alone and with others that come later in SPEC §3's order. */
export const FIXTURE_GROUPS: ReadonlyArray<{ readonly title: string; readonly fixtures: readonly Fixture[] }> = [
  {
    title: 'a valid unused ticket (claims 5, 6)',
    fixtures: [{ title: 'valid and unused', expect: 'admitted', prepare: async (stack) => shown(await buy(stack)) }],
  },
  {
    title: 'an unknown ticket id',
    fixtures: [
      {
        title: 'unknown id',
        expect: R.REJECT_REASON_UNKNOWN_TICKET,
        prepare: async (stack) => shown(edited(await buy(stack), (c) => (c.ticket!.ticketId = 'TKT-0000000000'))),
      },
    ],
  },
  {
    title: 'a ticket presented on another card (claim 6: a copied card)',
    fixtures: [
      {
        title: 'another card',
        expect: R.REJECT_REASON_WRONG_CARD,
        prepare: async (stack) => shown(await buy(stack), { cardId: OTHER_CARD }),
      },
      {
        title: 'another card, an edited field',
        expect: R.REJECT_REASON_WRONG_CARD,
        prepare: async (stack) =>
          shown(
            edited(await buy(stack), (c) => (c.ticket!.seat = 'Royal box')),
            { cardId: OTHER_CARD },
          ),
      },
    ],
  },
  {
    title: 'each edited TicketInfo field (claim 6)',
    fixtures: [
      ...Object.entries({
        orderId: 'ORD-OTHER00001',
        eventName: 'Jazz Night (VIP)',
        venue: 'Other Hall',
        startsAt: new Date(AT.getTime() + 72 * HOUR),
        seat: 'Royal box',
        price: { currencyCode: 'EUR', amountMinor: 1 },
        issuedAt: new Date(AT.getTime() - HOUR),
        entriesAllowed: 5,
      }).map(([field, value]): Fixture => ({
        title: `edited ${field}`,
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => shown(edited(await buy(stack), (c) => Object.assign(c.ticket!, { [field]: value }))),
      })),
      {
        title: 'edited productId, naming another product on sale',
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => {
          const other = await createProduct(stack.admin, { name: 'Other Concert' });
          return shown(edited(await buy(stack), (c) => (c.ticket!.productId = other.id)));
        },
      },
      {
        title: 'edited productId, naming no product',
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => shown(edited(await buy(stack), (c) => (c.ticket!.productId = 'PRD-NONE0000'))),
      },
      {
        title: 'an edited field, cancelled',
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => {
          const ticket = await buy(stack);
          await cancel(stack, ticket);
          return shown(edited(ticket, (c) => (c.ticket!.seat = 'Royal box')));
        },
      },
    ],
  },
  {
    title: 'each edited buyer identification field (claim 9)',
    fixtures: [
      ...Object.entries({
        buyerName: 'Somebody Else',
        orderContents: '9 x Test Concert',
        orderedAt: new Date(AT.getTime() - HOUR),
        orderId: 'ORD-OTHER00001',
      }).map(([field, value]): Fixture => ({
        title: `edited buyer ${field}`,
        expect: R.REJECT_REASON_BUYER_MISMATCH,
        prepare: async (stack) =>
          shown(edited(await buy(stack), (c) => Object.assign(c.buyerIdentification!, { [field]: value }))),
      })),
      {
        title: 'no buyer identification',
        expect: R.REJECT_REASON_BUYER_MISMATCH,
        prepare: async (stack) => shown(edited(await buy(stack), (c) => (c.buyerIdentification = undefined))),
      },
      {
        title: 'an edited buyer, used',
        expect: R.REJECT_REASON_BUYER_MISMATCH,
        prepare: async (stack) => {
          const ticket = await buy(stack);
          await admitOnce(stack, ticket);
          return shown(edited(ticket, (c) => (c.buyerIdentification!.buyerName = 'Somebody Else')));
        },
      },
    ],
  },
  {
    title: 'a bad signature over matching fields',
    fixtures: [
      {
        title: 'forged signature',
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => shown(edited(await buy(stack), forge)),
      },
      {
        title: 'no signature',
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => shown(edited(await buy(stack), (c) => (c.signature = Buffer.alloc(0)))),
      },
      {
        title: 'forged signature, cancelled',
        expect: R.REJECT_REASON_TAMPERED,
        prepare: async (stack) => {
          const ticket = await buy(stack);
          await cancel(stack, ticket);
          return shown(edited(ticket, forge));
        },
      },
    ],
  },
  {
    title: 'a cancelled ticket',
    fixtures: [
      {
        title: 'cancelled',
        expect: R.REJECT_REASON_CANCELLED,
        prepare: async (stack) => {
          const ticket = await buy(stack);
          await cancel(stack, ticket);
          return shown(ticket);
        },
      },
      {
        title: 'cancelled, admission closed',
        expect: R.REJECT_REASON_CANCELLED,
        prepare: async (stack) => {
          const ticket = await buy(stack, CLOSED);
          await cancel(stack, ticket);
          return shown(ticket);
        },
      },
    ],
  },
  {
    title: 'a ticket outside its admission window',
    fixtures: [
      {
        title: 'not yet valid',
        expect: R.REJECT_REASON_NOT_YET_VALID,
        prepare: async (stack) => shown(await buy(stack, NOT_YET_OPEN)),
      },
      {
        title: 'not yet valid, at a wrong gate',
        expect: R.REJECT_REASON_NOT_YET_VALID,
        prepare: async (stack) => shown(await buy(stack, { ...NOT_YET_OPEN, gateIds: ['North'] }), { gateId: 'South' }),
      },
      { title: 'expired', expect: R.REJECT_REASON_EXPIRED, prepare: async (stack) => shown(await buy(stack, CLOSED)) },
      {
        title: 'expired, at a wrong gate',
        expect: R.REJECT_REASON_EXPIRED,
        prepare: async (stack) => shown(await buy(stack, { ...CLOSED, gateIds: ['North'] }), { gateId: 'South' }),
      },
    ],
  },
  {
    title: 'a ticket at a gate its product does not list',
    fixtures: [
      {
        title: 'wrong gate',
        expect: R.REJECT_REASON_WRONG_GATE,
        prepare: async (stack) => shown(await buy(stack, { gateIds: ['North'] }), { gateId: 'South' }),
      },
      {
        title: 'right gate',
        expect: 'admitted',
        prepare: async (stack) => shown(await buy(stack, { gateIds: ['North'] }), { gateId: 'North' }),
      },
      {
        title: 'wrong gate, used',
        expect: R.REJECT_REASON_WRONG_GATE,
        prepare: async (stack) => {
          const ticket = await buy(stack, { gateIds: ['North'] });
          await admitOnce(stack, ticket, 'North');
          return shown(ticket, { gateId: 'South' });
        },
      },
    ],
  },
  {
    title: 'a used ticket (claim 30: one admission)',
    fixtures: [
      {
        title: 'already used',
        expect: R.REJECT_REASON_ALREADY_USED,
        prepare: async (stack) => {
          const ticket = await buy(stack);
          await admitOnce(stack, ticket);
          return shown(ticket);
        },
      },
    ],
  },
  {
    title: 'a multi-entry ticket with entries left and used up',
    fixtures: [
      {
        title: 'three entries, one used',
        expect: 'admitted',
        prepare: async (stack) => {
          const ticket = await buy(stack, { entriesPerTicket: 3 });
          await admitOnce(stack, ticket);
          return shown(ticket);
        },
      },
      {
        title: 'two entries, both used',
        expect: R.REJECT_REASON_ALREADY_USED,
        prepare: async (stack) => {
          const ticket = await buy(stack, { entriesPerTicket: 2 });
          await admitOnce(stack, ticket);
          await admitOnce(stack, ticket, 'G3');
          return shown(ticket);
        },
      },
    ],
  },
];
