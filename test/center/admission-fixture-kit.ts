/**
 * What the admission fixtures are made of (admission-fixtures.ts, admission-movement-fixtures.ts):
 * the card and the still clock they are judged at, the Fixture shape, and the set-up steps —
 * buying a ticket, presenting it, editing a copy, using it once, cancelling its order.
 */
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import type { Stack } from '../helpers/stack.js';

export const R = RejectReason;
export const CARD = '04A1B2C3D4E5F6';
export const OTHER_CARD = '04FFFFFFFFFFFF';

/** The center's clock stands still, so the judge and RedeemTicket decide at the same instant. */
export const AT = new Date();

/** A ticket as a gate presents it. */
export interface Shown {
  readonly cardTicket: CardTicket;
  readonly cardId: string;
  readonly gateId: string;
  /** Entry when absent. */
  readonly direction?: 'entry' | 'exit';
}

export interface Fixture {
  readonly title: string;
  /** What the judge must answer, so that a fixture that no longer sets up what it says fails. */
  readonly expect: 'admitted' | RejectReason;
  prepare(stack: Stack): Promise<Shown>;
}

export type ProductOverrides = Parameters<typeof createProduct>[1];

export async function buy(stack: Stack, product: ProductOverrides = {}): Promise<CardTicket> {
  const { id } = await createProduct(stack.admin, product);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(id, { cardId: CARD }));
  return purchase!.tickets[0]!;
}

export const shown = (
  cardTicket: CardTicket,
  at: { cardId?: string; gateId?: string; direction?: 'entry' | 'exit' } = {},
): Shown => ({
  cardTicket,
  cardId: at.cardId ?? CARD,
  gateId: at.gateId ?? 'G1',
  direction: at.direction,
});

export const edited = (cardTicket: CardTicket, edit: (copy: CardTicket) => void): CardTicket => {
  const copy = structuredClone(cardTicket);
  edit(copy);
  return copy;
};

export async function admitOnce(stack: Stack, cardTicket: CardTicket, gateId = 'G2'): Promise<void> {
  const answer = await stack.gate.redeemTicket({ gateId, cardId: CARD, ticket: cardTicket, dryRun: false });
  if (!answer.admitted) throw new Error(`fixture set-up: the first use was refused (${answer.reason})`);
}

export const cancel = (stack: Stack, cardTicket: CardTicket) =>
  stack.admin.cancelOrder({ orderId: cardTicket.ticket!.orderId, reason: 'refund', force: true });
