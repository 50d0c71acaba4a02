/**
 * PurchaseTickets (SPEC §2 steps 2-5): reserve stock in one short
 * transaction, ask the charge-transfer terminal with no transaction open,
 * then issue the tickets or give the stock back in another short one.
 * The order row, keyed by the idempotency key, makes retries safe.
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { UnavailabilityReason, type PurchaseTicketsRequest, type PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import { ProductEntity, type Product } from '../catalog/product.entity.js';
import { salesCloseAt } from '../catalog/product-message.js';
import { DomainError, invalidArgument, notFound } from '../grpc/domain-error.js';
import { newId } from '../ids.js';
import { ChargeEntity } from './charge.entity.js';
import { OrderEntity, type Order } from './order.entity.js';
import { purchaseOf, unavailabilityOf } from './order-view.js';
import { publishStock } from './publish-stock.js';
import { recoverOrder } from './recovery.js';
import type { SalesDeps } from './sales-deps.js';
import { issueOrder, refuseOrder, type Refusal } from './settle.js';
import { reserveStock } from './stock.js';
import { cardBytesNeeded, draftOrder, encodeAdditional, encodeBuyer, encodeInfo } from './ticket-builder.js';
import { TicketEntity } from './ticket.entity.js';
import { validatePurchase, type ValidPurchase } from './validate-purchase.js';

const R = UnavailabilityReason;

export async function purchaseTickets(deps: SalesDeps, request: PurchaseTicketsRequest): Promise<PurchaseTicketsResponse> {
  const purchase = validatePurchase(request);
  const em = deps.orm.em.fork();
  const existing = await em.findOne(OrderEntity, { idempotencyKey: purchase.idempotencyKey });
  if (existing) {
    if (existing.fingerprint !== purchase.fingerprint) {
      throw invalidArgument('idempotency_key was already used for a different purchase; use a new key for a new purchase');
    }
    if (existing.state !== 'retryable') return replay(deps, em, existing, request);
  }

  const products = await loadProducts(em, purchase);
  const now = deps.now();
  const closed = purchase.lines.map((line) => products.get(line.productId)!).find((product) => now >= salesCloseAt(product));
  const orderId = existing?.id ?? newId('ORD', 8);
  const draft = draftOrder(orderId, purchase.buyerName, purchase.lines, products, now);
  const price = purchase.lines.map((line) => ({ product: products.get(line.productId)!, quantity: line.quantity }));
  const currencyCode = price[0]!.product.currencyCode;
  if (price.some(({ product }) => product.currencyCode !== currencyCode)) throw invalidArgument('items: every product of one order must be priced in the same currency');
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

  const refuse = (refusal: Refusal) => recordRefusal(deps, em, orderRow, existing, refusal, request);
  if (closed) return refuse({ reason: R.UNAVAILABILITY_REASON_SALES_CLOSED, message: `Sales for ${closed.name} have closed.`, productId: closed.id });
  if (purchase.cardFreeBytes !== undefined && cardBytesNeeded(draft) > purchase.cardFreeBytes) {
    return refuse({ reason: R.UNAVAILABILITY_REASON_CARD_FULL, message: 'These tickets do not fit on the IC card: clear used tickets off it or use another card.' });
  }

  const chargeId = newId('CHG', 12);
  let soldOut: Product | undefined;
  try {
    await em.transactional(async (tx) => {
      const missing = await reserveStock(tx, purchase.lines);
      if (missing) {
        soldOut = products.get(missing);
        throw new SoldOut();
      }
      const pending = { ...orderRow, state: 'pending' as const, reservedAt: now, unavailableReason: null, unavailableMessage: null, unavailableProductId: null };
      if (existing) {
        const retaken = await tx.nativeUpdate(OrderEntity, { id: orderId, state: 'retryable' }, pending);
        if (!retaken) throw new DomainError('UNAVAILABLE', 'this purchase is already being retried; try again in a few seconds');
      } else {
        tx.create(OrderEntity, pending);
      }
      for (const ticket of draft.tickets) {
        tx.create(TicketEntity, {
          id: ticket.info.ticketId,
          orderId,
          productId: ticket.info.productId,
          cardId: purchase.cardId,
          state: 'pending',
          info: encodeInfo(ticket.info),
          additionalInfo: encodeAdditional(ticket.additionalInfo),
          signature: null,
          entriesAllowed: ticket.info.entriesAllowed,
        });
      }
      tx.create(ChargeEntity, { id: chargeId, orderId, state: 'requested', currencyCode, amountMinor: totalMinor, createdAt: now, updatedAt: now });
    });
  } catch (error) {
    if (error instanceof SoldOut) {
      return refuse({ reason: R.UNAVAILABILITY_REASON_SOLD_OUT, message: `Not enough seats left for ${soldOut!.name}.`, productId: soldOut!.id });
    }
    if (error instanceof UniqueConstraintViolationException) return replayConcurrent(deps, purchase, request);
    throw error;
  }
  void publishStock(em, deps.hub, purchase.lines.map((line) => line.productId)).catch(() => undefined);
  return charge(deps, em, purchase, orderId, chargeId, currencyCode, totalMinor, request);
}

async function charge(
  deps: SalesDeps,
  em: EntityManager,
  purchase: ValidPurchase,
  orderId: string,
  chargeId: string,
  currencyCode: string,
  totalMinor: number,
  request: PurchaseTicketsRequest,
): Promise<PurchaseTicketsResponse> {
  const answer = await deps.charge.transfer({
    chargeId,
    amount: { currencyCode, amountMinor: totalMinor },
    creditCard: purchase.creditCard,
    description: `Cardgate order ${orderId}`,
  });
  const productIds = purchase.lines.map((line) => line.productId);
  if (answer.reached && answer.value.approved) {
    const { authorizationCode, cardBrand, cardLast4 } = answer.value;
    await issueOrder(em.fork(), orderId, { chargeId, authorizationCode, cardBrand, cardLast4 }, deps.key, deps.now());
    deps.logger.info({ orderId, chargeId, cardBrand, cardLast4 }, 'order issued');
  } else if (answer.reached) {
    const refusal = { reason: answer.value.declineReason || R.UNAVAILABILITY_REASON_PAYMENT_DECLINED, message: answer.value.message || 'The card was declined.' };
    await refuseOrder(em.fork(), orderId, refusal, { id: chargeId, state: 'declined' }, deps.now());
    deps.logger.info({ orderId, chargeId, reason: R[refusal.reason] }, 'charge declined');
  } else {
    // Nobody knows whether the terminal approved: void the charge id so a late approval cannot stand.
    const voided = await deps.charge.reverse(chargeId, 'charge terminal did not answer in time');
    const refusal = { reason: R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE, message: 'The payment service did not answer; nothing was charged. Please try again.' };
    await refuseOrder(em.fork(), orderId, refusal, { id: chargeId, state: voided.reached ? 'reversed' : 'reverse_pending' }, deps.now());
    deps.logger.warn({ orderId, chargeId, error: answer.error }, 'charge terminal unreachable');
  }
  void publishStock(em, deps.hub, productIds).catch(() => undefined);
  const order = await em.fork().findOneOrFail(OrderEntity, { id: orderId });
  return replay(deps, em.fork(), order, request);
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
      if (age < deps.staleReservationMs) throw new DomainError('UNAVAILABLE', 'this purchase is still being processed; try again in a few seconds');
      // The sale was interrupted (a center crashed mid-sale): finish or undo it now, then answer.
      await recoverOrder(deps, order.id);
      const recovered = await em.fork().findOneOrFail(OrderEntity, { id: order.id });
      if (recovered.state === 'pending') throw new DomainError('UNAVAILABLE', 'this purchase is still being processed (payment service unreachable); try again shortly');
      return recovered.state === 'retryable' ? purchaseTickets(deps, request) : replay(deps, em.fork(), recovered, request);
    }
  }
}

async function replayConcurrent(deps: SalesDeps, purchase: ValidPurchase, request: PurchaseTicketsRequest) {
  const order = await deps.orm.em.fork().findOneOrFail(OrderEntity, { idempotencyKey: purchase.idempotencyKey });
  if (order.fingerprint !== purchase.fingerprint) throw invalidArgument('idempotency_key was already used for a different purchase');
  return replay(deps, deps.orm.em.fork(), order, request);
}

/** Records a refusal decided before any stock was taken (sold out, sales closed, card full). */
async function recordRefusal(
  deps: SalesDeps,
  em: EntityManager,
  orderRow: Omit<Order, 'state' | 'reservedAt' | 'unavailableReason' | 'unavailableMessage' | 'unavailableProductId' | 'cardBrand' | 'cardLast4' | 'authorizationCode' | 'cancelledAt'>,
  existing: Order | null,
  refusal: Refusal,
  request: PurchaseTicketsRequest,
): Promise<PurchaseTicketsResponse> {
  const row = { ...orderRow, state: 'unavailable' as const, unavailableReason: refusal.reason, unavailableMessage: refusal.message, unavailableProductId: refusal.productId ?? null };
  try {
    if (existing) await em.nativeUpdate(OrderEntity, { id: existing.id, state: 'retryable' }, row);
    else await em.insert(OrderEntity, { ...row, reservedAt: null, cardBrand: null, cardLast4: null, authorizationCode: null, cancelledAt: null });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  const order = await em.fork().findOneOrFail(OrderEntity, { idempotencyKey: orderRow.idempotencyKey });
  return replay(deps, em.fork(), order, request);
}

async function loadProducts(em: EntityManager, purchase: ValidPurchase): Promise<Map<string, Product>> {
  const ids = purchase.lines.map((line) => line.productId);
  const products = await em.find(ProductEntity, { id: { $in: ids } });
  const byId = new Map(products.map((product) => [product.id, product]));
  const unknown = ids.find((id) => !byId.has(id));
  if (unknown) throw notFound(`no product "${unknown}"`);
  return byId;
}

class SoldOut extends Error {}
