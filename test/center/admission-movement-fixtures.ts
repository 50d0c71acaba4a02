/**
 * Admission fixtures for a ticket's movements (SPEC §10): exits, re-entry on
 * products that allow it, and annulled movements, each moved through gate G2
 * before it is presented. The shared helpers are admission-fixture-kit.ts's.
 */
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import type { Stack } from '../helpers/stack.js';
import {
  admitOnce,
  buy,
  CARD,
  cancel,
  edited,
  OTHER_CARD,
  R,
  shown,
  type Fixture,
  type ProductOverrides,
} from './admission-fixture-kit.js';

const exiting = (cardTicket: CardTicket, at: { gateId?: string } = {}) =>
  shown(cardTicket, { ...at, direction: 'exit' });

async function exitOnce(stack: Stack, cardTicket: CardTicket, gateId = 'G2'): Promise<void> {
  const answer = await stack.gate.redeemTicket({
    gateId,
    cardId: CARD,
    ticket: cardTicket,
    dryRun: false,
    direction: Direction.DIRECTION_EXIT,
  });
  if (!answer.admitted) throw new Error(`fixture set-up: the exit was refused (${answer.reason})`);
}

/** Undoes the ticket's last movement at gate G2 (where admitOnce and exitOnce move it). */
const annulLast = (stack: Stack, cardTicket: CardTicket) =>
  stack.gate.annulRedemption({ gateId: 'G2', ticketId: cardTicket.ticket!.ticketId });

/** Bought, then moved through gate G2 by each step in turn. */
async function moved(
  stack: Stack,
  product: ProductOverrides,
  steps: ReadonlyArray<'in' | 'out' | 'undo'>,
): Promise<CardTicket> {
  const ticket = await buy(stack, product);
  for (const step of steps) {
    if (step === 'in') await admitOnce(stack, ticket);
    else if (step === 'out') await exitOnce(stack, ticket);
    else await annulLast(stack, ticket);
  }
  return ticket;
}
const REENTRY = { allowReentry: true };

export const MOVEMENT_GROUPS: ReadonlyArray<{ readonly title: string; readonly fixtures: readonly Fixture[] }> = [
  {
    title: 'exits (SPEC §10): only a ticket inside goes out, and it may always go out',
    fixtures: [
      {
        title: 'exit of a ticket inside',
        expect: 'admitted',
        prepare: async (stack) => exiting(await moved(stack, {}, ['in'])),
      },
      {
        title: 'exit of a ticket that never came in',
        expect: R.REJECT_REASON_NOT_INSIDE,
        prepare: async (stack) => exiting(await buy(stack)),
      },
      {
        title: 'exit of a ticket already out',
        expect: R.REJECT_REASON_NOT_INSIDE,
        prepare: async (stack) => exiting(await moved(stack, {}, ['in', 'out'])),
      },
      {
        title: 'exit of a ticket inside, cancelled meanwhile',
        expect: 'admitted',
        prepare: async (stack) => {
          const ticket = await moved(stack, {}, ['in']);
          await cancel(stack, ticket);
          return exiting(ticket);
        },
      },
      {
        title: 'exit through a gate the product does not list',
        expect: 'admitted',
        prepare: async (stack) => {
          const ticket = await buy(stack, { gateIds: ['G2'] });
          await admitOnce(stack, ticket, 'G2');
          return exiting(ticket, { gateId: 'South' });
        },
      },
      {
        title: 'exit with an edited buyer',
        expect: R.REJECT_REASON_BUYER_MISMATCH,
        prepare: async (stack) =>
          exiting(edited(await moved(stack, {}, ['in']), (c) => (c.buyerIdentification!.buyerName = 'Somebody Else'))),
      },
      {
        title: 'exit on another card',
        expect: R.REJECT_REASON_WRONG_CARD,
        prepare: async (stack) => ({ ...exiting(await moved(stack, {}, ['in'])), cardId: OTHER_CARD }),
      },
    ],
  },
  {
    title: 're-entry (SPEC §10): after an exit, a product with allow_reentry admits again without using an entry',
    fixtures: [
      {
        title: 're-entry product, first entry',
        expect: 'admitted',
        prepare: async (stack) => shown(await buy(stack, REENTRY)),
      },
      {
        title: 're-entry product, entry after an exit',
        expect: 'admitted',
        prepare: async (stack) => shown(await moved(stack, REENTRY, ['in', 'out'])),
      },
      {
        title: 're-entry product, third entry after two exits',
        expect: 'admitted',
        prepare: async (stack) => shown(await moved(stack, REENTRY, ['in', 'out', 'in', 'out'])),
      },
      {
        title: 're-entry product, a second entry without an exit',
        expect: R.REJECT_REASON_ALREADY_USED,
        prepare: async (stack) => shown(await moved(stack, REENTRY, ['in'])),
      },
      {
        title: 're-entry product, entry after an exit, cancelled meanwhile',
        expect: R.REJECT_REASON_CANCELLED,
        prepare: async (stack) => {
          const ticket = await moved(stack, REENTRY, ['in', 'out']);
          await cancel(stack, ticket);
          return shown(ticket);
        },
      },
      {
        title: 're-entry product, entry after an exit, at a gate it does not list',
        expect: R.REJECT_REASON_WRONG_GATE,
        prepare: async (stack) => {
          const ticket = await buy(stack, { ...REENTRY, gateIds: ['G2'] });
          await admitOnce(stack, ticket);
          await exitOnce(stack, ticket);
          return shown(ticket, { gateId: 'Elsewhere' });
        },
      },
      {
        title: 'without re-entry, one entry, entry after an exit',
        expect: R.REJECT_REASON_ALREADY_USED,
        prepare: async (stack) => shown(await moved(stack, {}, ['in', 'out'])),
      },
      {
        title: 'without re-entry, two entries, entry after an exit uses the second',
        expect: 'admitted',
        prepare: async (stack) => shown(await moved(stack, { entriesPerTicket: 2 }, ['in', 'out'])),
      },
    ],
  },
  {
    title: 'annulled movements (SPEC §10): an undone entry or exit counts for nothing',
    fixtures: [
      {
        title: 'an annulled entry, entered again',
        expect: 'admitted',
        prepare: async (stack) => shown(await moved(stack, {}, ['in', 'undo'])),
      },
      {
        title: 'an annulled entry, then an exit',
        expect: R.REJECT_REASON_NOT_INSIDE,
        prepare: async (stack) => exiting(await moved(stack, {}, ['in', 'undo'])),
      },
      {
        title: 'an annulled exit, exit again',
        expect: 'admitted',
        prepare: async (stack) => exiting(await moved(stack, {}, ['in', 'out', 'undo'])),
      },
      {
        title: 'an annulled exit, re-entry product: still inside',
        expect: R.REJECT_REASON_ALREADY_USED,
        prepare: async (stack) => shown(await moved(stack, REENTRY, ['in', 'out', 'undo'])),
      },
      {
        title: 'two entries, the second annulled, entered again',
        expect: 'admitted',
        prepare: async (stack) => shown(await moved(stack, { entriesPerTicket: 2 }, ['in', 'in', 'undo'])),
      },
      {
        title: 'two entries, both used, one annulled earlier and retaken',
        expect: R.REJECT_REASON_ALREADY_USED,
        prepare: async (stack) => shown(await moved(stack, { entriesPerTicket: 2 }, ['in', 'undo', 'in', 'in'])),
      },
    ],
  },
];
