/**
 * PurchaseTickets (SPEC §2 steps 2-5): reserve stock in one short
 * transaction, ask the charge-transfer terminal with no transaction open,
 * then issue the tickets or give the stock back in another short one.
 * The order row, keyed by the idempotency key, makes retries safe.
 */
import type { EntityManager } from '@mikro-orm/core';
import { UnavailabilityReason, type PurchaseTicketsRequest, type PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import type { Product } from '../catalog/product.entity.js';
import { signTicket } from '../../card/signature.js';
import { salesCloseAt } from '../catalog/product-message.js';
import { DomainError, invalidInput, notFound } from '../domain-error.js';
import { stageTimer } from '../timings/handler-timings.js';
import { newId } from '../ids.js';
import { OrderEntity, type Order } from './order.entity.js';
import { purchaseOf, unavailabilityOf } from './order-view.js';
import { publishStock } from './publish-stock.js';
import { recoverOrder } from './recovery.js';
import type { SalesDeps } from './sales-deps.js';
import { cardBytesNeeded, draftOrder, encodeAdditional, encodeBuyer, encodeInfo } from './ticket-builder.js';
import { validatePurchase, type ValidPurchase } from './validate-purchase.js';
import type { Refusal } from './writes/refuse.js';

const R = UnavailabilityReason;

export function purchaseTickets(deps: SalesDeps, request: PurchaseTicketsRequest): Promise<PurchaseTicketsResponse> {
  return sell(deps, validatePurchase(request), request, null);
}

/**
 * A purchase whose idempotency key is taken: the same request replays the
 * first outcome (or tries again after PAYMENT_UNAVAILABLE); another request
 * under that key is refused.
 */
async function continueExisting(deps: SalesDeps, purchase: ValidPurchase, request: PurchaseTicketsRequest): Promise<PurchaseTicketsResponse> {
  const em = deps.orm.em.fork();
  const existing = await em.findOneOrFail(OrderEntity, { idempotencyKey: purchase.idempotencyKey });
  if (existing.fingerprint !== purchase.fingerprint) {
    throw invalidInput('idempotency_key was already used for a different purchase; use a new key for a new purchase');
  }
  return existing.state === 'retryable' ? sell(deps, purchase, request, existing) : replay(deps, em, existing, request);
}

/**
 * Sells to a new key (existing null) or again to a key whose last try found
 * the payment service unavailable. A new key costs no read: the sale writer
 * inserts the order and reports the key taken if it already was.
 */
async function sell(deps: SalesDeps, purchase: ValidPurchase, request: PurchaseTicketsRequest, existing: Order | null): Promise<PurchaseTicketsResponse> {
  const products = await loadProducts(deps, purchase);
  const now = deps.now();
  const closed = purchase.lines.map((line) => products.get(line.productId)!).find((product) => now >= salesCloseAt(product));
  const orderId = existing?.id ?? newId('ORD', 8);
  const draft = draftOrder(orderId, purchase.buyerName, purchase.lines, products, now);
  const price = purchase.lines.map((line) => ({ product: products.get(line.productId)!, quantity: line.quantity }));
  const currencyCode = price[0]!.product.currencyCode;
  if (price.some(({ product }) => product.currencyCode !== currencyCode)) throw invalidInput('items: every product of one order must be priced in the same currency');
  const totalMinor = price.reduce((sum, { product, quantity }) => sum + product.priceMinor * quantity, 0);

  const orderRow = {
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
  };

  // Refused before any seat is taken: the writer claims the key and records the refusal.
  let refused: Refusal | undefined;
  if (closed) refused = { reason: R.UNAVAILABILITY_REASON_SALES_CLOSED, message: `Sales for ${closed.name} have closed.`, productId: closed.id };
  else if (purchase.cardFreeBytes !== undefined && cardBytesNeeded(draft) > purchase.cardFreeBytes) {
    refused = { reason: R.UNAVAILABILITY_REASON_CARD_FULL, message: 'These tickets do not fit on the IC card: clear used tickets off it or use another card.' };
  }

  const chargeId = newId('CHG', 12);
  const productIds = purchase.lines.map((line) => line.productId);
  const stage = stageTimer(deps.timings, 'PurchaseTickets');
  const reservation = await deps.writer.reserve({
    order: orderRow,
    retake: existing !== null,
    refused,
    tickets: draft.tickets.map(({ info, additionalInfo }) => ({
      id: info.ticketId, productId: info.productId, info: encodeInfo(info), additionalInfo: encodeAdditional(additionalInfo), entriesAllowed: info.entriesAllowed,
    })),
    chargeId,
    at: now,
    soldOut: (productId) => ({ reason: R.UNAVAILABILITY_REASON_SOLD_OUT, message: `Not enough seats left for ${products.get(productId)!.name}.`, productId }),
  });
  stage('reserve');
  switch (reservation.kind) {
    case 'taken':
      if (existing) throw new DomainError('BUSY', 'this purchase is already being retried; try again in a few seconds');
      return continueExisting(deps, purchase, request);
    case 'refused':
      return unavailable(reservation.refusal);
  }
  void publishStock(deps, productIds);
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
      orderId, chargeId, authorizationCode, cardBrand, cardLast4, at: deps.now(),
      signatures: tickets.map(({ ticket, signature }) => ({ ticketId: ticket.ticketId, signature })),
    });
    stage('issue');
    if (issued) {
      deps.logger.info({ orderId, chargeId, cardBrand, cardLast4 }, 'order issued');
      return { purchase: { orderId, buyerIdentification: draft.buyerIdentification, tickets, total: { currencyCode, amountMinor: totalMinor }, cardBrand, cardLast4, authorizationCode } };
    }
    void publishStock(deps, productIds);
    return recorded(deps, orderId, request);
  }
  const refusal = answer.reached
    ? { reason: answer.value.declineReason || R.UNAVAILABILITY_REASON_PAYMENT_DECLINED, message: answer.value.message || 'The card was declined.' }
    : { reason: R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE, message: 'The payment service did not answer; nothing was charged. Please try again.' };
  let chargeState: 'declined' | 'reversed' | 'reverse_pending' = 'declined';
  if (!answer.reached) {
    // Nobody knows whether the terminal approved: void the charge id so a late approval cannot stand.
    const voided = await deps.charge.reverse(chargeId, 'charge terminal did not answer in time');
    chargeState = voided.reached ? 'reversed' : 'reverse_pending';
  }
  const ended = await deps.writer.refuse({ orderId, refusal, seats: purchase.lines, charge: { id: chargeId, state: chargeState }, at: deps.now() });
  if (answer.reached) deps.logger.info({ orderId, chargeId, reason: R[refusal.reason] }, 'charge declined');
  else deps.logger.warn({ orderId, chargeId, error: answer.error }, 'charge terminal unreachable');
  void publishStock(deps, productIds);
  return ended ? unavailable(refusal) : recorded(deps, orderId, request);
}

const unavailable = ({ reason, message, productId = '' }: Refusal): PurchaseTicketsResponse => ({ unavailable: { reason, message, productId } });

/** The sale ended otherwise meanwhile (recovery finished or undid it): answer what the database recorded. */
async function recorded(deps: SalesDeps, orderId: string, request: PurchaseTicketsRequest): Promise<PurchaseTicketsResponse> {
  const em = deps.orm.em.fork();
  return replay(deps, em, await em.findOneOrFail(OrderEntity, { id: orderId }), request);
}

/** The recorded outcome of an order, for a repeated idempotency key. */
async function replay(deps: SalesDeps, em: EntityManager, order: Order, request: PurchaseTicketsRequest): Promise<PurchaseTicketsResponse> {
  switch (order.state) {
    case 'issued':
    case 'cancelled':
      return { purchase: await purchaseOf(em, order) };
    case 'unavailable':
    case 'retryable':
      return { unavailable: unavailabilityOf(order) };
    case 'pending': {
      const age = deps.now().getTime() - (order.reservedAt ?? order.orderedAt).getTime();
      if (age < deps.staleReservationMs) throw new DomainError('BUSY', 'this purchase is still being processed; try again in a few seconds');
      // The sale was interrupted (a center crashed mid-sale): finish or undo it now, then answer.
      await recoverOrder(deps, order.id);
      const recovered = await em.fork().findOneOrFail(OrderEntity, { id: order.id });
      if (recovered.state === 'pending') throw new DomainError('BUSY', 'this purchase is still being processed (payment service unreachable); try again shortly');
      return recovered.state === 'retryable' ? purchaseTickets(deps, request) : replay(deps, em.fork(), recovered, request);
    }
  }
}

async function loadProducts(deps: SalesDeps, purchase: ValidPurchase): Promise<Map<string, Product>> {
  const byId = new Map<string, Product>();
  for (const { productId } of purchase.lines) {
    const product = await deps.products.find(productId);
    if (!product) throw notFound(`no product "${productId}"`);
    byId.set(productId, product);
  }
  return byId;
}
