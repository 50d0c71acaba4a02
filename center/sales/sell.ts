/**
 * One attempt to sell under an idempotency key, new or retried after
 * PAYMENT_UNAVAILABLE (SPEC §2 steps 3-5): reserve in one short write, ask
 * the charge-transfer terminal with no transaction open, then end the sale
 * with tickets or without in another short write. Every write goes through
 * the sale writer (sale-writer.ts).
 */
import type { TransferChargeResponse } from '../../gen/cardgate/v1/charge.js';
import { UnavailabilityReason, type PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import { signTicket } from '../../card/signature.js';
import type { Caller } from '../auth/authenticator.js';
import type { Product } from '../catalog/product.entity.js';
import { salesCloseAt } from '../catalog/product-message.js';
import { DomainError, invalidInput } from '../domain-error.js';
import { newId } from '../ids.js';
import { stageTimer } from '../timings/handler-timings.js';
import type { Reachable } from './charge-gateway.js';
import { noteDecline } from './decline-guard.js';
import { OrderEntity, type Order } from './order.entity.js';
import { outcomeOf } from './order-view.js';
import { publishStock } from './publish-stock.js';
import type { SalesDeps } from './sales-deps.js';
import {
  cardBytesNeeded,
  draftOrder,
  encodeAdditional,
  encodeBuyer,
  encodeInfo,
  type OrderDraft,
} from './ticket-builder.js';
import type { ValidPurchase } from './validate-purchase.js';
import type { Refusal, SaleToRefuse } from './writes/refuse.js';

const R = UnavailabilityReason;

/** What `sell` answers when the idempotency key turned out to be held by an order it did not expect. */
export const KEY_TAKEN = 'key taken';

/** Sells to a new key (retake null) or again under the retryable order `retake`, for the terminal `caller`. */
export async function sell(
  deps: SalesDeps,
  purchase: ValidPurchase,
  products: ReadonlyMap<string, Product>,
  retake: Order | null,
  caller: Caller,
): Promise<PurchaseTicketsResponse | typeof KEY_TAKEN> {
  const now = deps.now();
  const orderId = retake?.id ?? newId('ORD', 8);
  const draft = draftOrder(orderId, purchase.buyerName, purchase.lines, products, now);
  const { currencyCode, totalMinor } = priceOf(purchase, products);
  const chargeId = newId('CHG', 12);
  const productIds = purchase.lines.map((line) => line.productId);
  const stage = stageTimer(deps.timings, 'PurchaseTickets');
  const reservation = await deps.writer.reserve({
    order: {
      id: orderId,
      idempotencyKey: purchase.idempotencyKey,
      fingerprint: purchase.fingerprint,
      cardId: purchase.cardId,
      buyerName: purchase.buyerName,
      buyerEmail: purchase.buyerEmail,
      lines: purchase.lines,
      currencyCode,
      totalMinor,
      buyerIdentification: encodeBuyer(draft.buyerIdentification),
      orderedAt: now,
    },
    retake: retake !== null,
    refused: refusalBeforeStock(purchase, products, draft, now),
    tickets: draft.tickets.map(({ info, additionalInfo }) => ({
      id: info.ticketId,
      productId: info.productId,
      info: encodeInfo(info),
      additionalInfo: encodeAdditional(additionalInfo),
      entriesAllowed: info.entriesAllowed,
    })),
    chargeId,
    at: now,
    soldOut: (productId) => ({
      reason: R.UNAVAILABILITY_REASON_SOLD_OUT,
      message: `Not enough seats left for ${products.get(productId)!.name}.`,
      productId,
    }),
  });
  stage('reserve');
  if (reservation.kind === 'taken') return KEY_TAKEN;
  if (reservation.kind === 'refused') return unavailable(reservation.refusal);

  publishStock(deps, productIds);
  const answer = await deps.charge.transfer({
    chargeId,
    amount: { currencyCode, amountMinor: totalMinor },
    creditCard: purchase.creditCard,
    description: `Cardgate order ${orderId}`,
  });
  stage('charge');
  if (answer.reached && answer.value.approved) {
    const { authorizationCode, cardBrand, cardLast4 } = answer.value;
    const tickets = draft.tickets.map(({ info, additionalInfo }) => ({
      ticket: info,
      buyerIdentification: draft.buyerIdentification,
      additionalInfo,
      signature: signTicket(deps.key.privateKey, info, draft.buyerIdentification, purchase.cardId),
    }));
    const issued = await deps.writer.issue({
      orderId,
      chargeId,
      authorizationCode,
      cardBrand,
      cardLast4,
      at: deps.now(),
      signatures: tickets.map(({ ticket, signature }) => ({ ticketId: ticket.ticketId, signature })),
    });
    stage('issue');
    if (issued) {
      deps.logger.info({ orderId, chargeId, cardBrand, cardLast4 }, 'order issued');
      return {
        purchase: {
          orderId,
          buyerIdentification: draft.buyerIdentification,
          tickets,
          total: { currencyCode, amountMinor: totalMinor },
          cardBrand,
          cardLast4,
          authorizationCode,
        },
      };
    }
    publishStock(deps, productIds);
    return recordedOutcome(deps, orderId);
  }

  const { refusal, charge } = await refusalOf(deps, answer, orderId, chargeId);
  if (answer.reached) noteDecline(deps, caller, refusal.reason);
  const refused = await deps.writer.refuse({ orderId, refusal, seats: purchase.lines, charge, at: deps.now() });
  publishStock(deps, productIds);
  return refused ? unavailable(refusal) : recordedOutcome(deps, orderId);
}

/** A decline, or no answer in time: then nobody knows whether the terminal approved, so the charge id is voided and a late approval cannot stand. */
async function refusalOf(
  deps: SalesDeps,
  answer: Reachable<TransferChargeResponse>,
  orderId: string,
  chargeId: string,
): Promise<Pick<SaleToRefuse, 'refusal' | 'charge'>> {
  if (answer.reached) {
    const refusal = {
      reason: answer.value.declineReason || R.UNAVAILABILITY_REASON_PAYMENT_DECLINED,
      message: answer.value.message || 'The card was declined.',
    };
    deps.logger.info(
      {
        orderId,
        chargeId,
        reason: (R[refusal.reason] ?? String(refusal.reason)).replace('UNAVAILABILITY_REASON_', ''),
      },
      'charge declined',
    );
    return { refusal, charge: { id: chargeId, state: 'declined' } };
  }
  const voided = await deps.charge.reverse(chargeId, 'charge terminal did not answer in time');
  deps.logger.warn({ orderId, chargeId, error: answer.error }, 'charge terminal unreachable');
  return {
    refusal: {
      reason: R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE,
      message: 'The payment service did not answer; nothing was charged. Please try again.',
    },
    charge: { id: chargeId, state: voided.reached ? 'reversed' : 'reverse_pending' },
  };
}

/** Sales closed, or tickets that would not fit on the IC card: refused before any seat is taken or anything charged. */
function refusalBeforeStock(
  purchase: ValidPurchase,
  products: ReadonlyMap<string, Product>,
  draft: OrderDraft,
  now: Date,
): Refusal | undefined {
  const closed = purchase.lines
    .map((line) => products.get(line.productId)!)
    .find((product) => now >= salesCloseAt(product));
  if (closed)
    return {
      reason: R.UNAVAILABILITY_REASON_SALES_CLOSED,
      message: `Sales for ${closed.name} have closed.`,
      productId: closed.id,
    };
  if (purchase.cardFreeBytes !== undefined && cardBytesNeeded(draft) > purchase.cardFreeBytes) {
    return {
      reason: R.UNAVAILABILITY_REASON_CARD_FULL,
      message: 'These tickets do not fit on the IC card: clear used tickets off it or use another card.',
    };
  }
  return undefined;
}

function priceOf(
  purchase: ValidPurchase,
  products: ReadonlyMap<string, Product>,
): { currencyCode: string; totalMinor: number } {
  const priced = purchase.lines.map((line) => ({ product: products.get(line.productId)!, quantity: line.quantity }));
  const currencyCode = priced[0]!.product.currencyCode;
  if (priced.some(({ product }) => product.currencyCode !== currencyCode))
    throw invalidInput('items: every product of one order must be priced in the same currency');
  return {
    currencyCode,
    totalMinor: priced.reduce((sum, { product, quantity }) => sum + product.priceMinor * quantity, 0),
  };
}

const unavailable = ({ reason, message, productId = '' }: Refusal): PurchaseTicketsResponse => ({
  unavailable: { reason, message, productId },
});

/** The sale ended otherwise meanwhile (recovery finished or undid it): answer what the database recorded. */
async function recordedOutcome(deps: SalesDeps, orderId: string): Promise<PurchaseTicketsResponse> {
  const em = deps.orm.em.fork();
  const order = await em.findOneOrFail(OrderEntity, { id: orderId });
  if (order.state === 'pending')
    throw new DomainError('BUSY', 'this purchase is still being processed; try again in a few seconds');
  return outcomeOf(em, order);
}
