/**
 * Finishes or undoes sales that a crash interrupted, and retries reversals
 * the charge terminal has not confirmed. Runs at start-up and then every
 * few seconds, so an approved charge always ends with tickets or a reversal.
 * It decides from what the charge terminal knows and ends the sale through
 * the same writer as a live purchase (sale-writer.ts), signing the tickets
 * the same way.
 */
import { ChargeState, type GetChargeResponse } from '../../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { BuyerIdentification, TicketInfo } from '../../gen/cardgate/v1/ticket.js';
import { signTicket } from '../../card/signature.js';
import { sqlOn } from '../db/orm-sql.js';
import { ChargeEntity } from './charge.entity.js';
import { OrderEntity, type Order } from './order.entity.js';
import { publishStock } from './publish-stock.js';
import type { SalesDeps } from './sales-deps.js';
import { TicketEntity } from './ticket.entity.js';
import { confirmReversals } from './writes/cancel.js';
import type { Refusal } from './writes/refuse.js';

const INTERRUPTED: Refusal = {
  reason: UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE,
  message: 'The sale was interrupted; nothing was charged. Please try again.',
};

/**
 * Ends one interrupted order according to what the charge terminal knows
 * about its latest charge. An order that is pending but no longer stale (a
 * retry retook it since it was found) is being sold right now and is left alone.
 */
export async function recoverOrder(deps: SalesDeps, orderId: string): Promise<void> {
  const em = deps.orm.em.fork();
  const order = await em.findOne(OrderEntity, { id: orderId, state: 'pending' });
  if (!order || !isStale(deps, order)) return;
  const [charge] = await em.find(ChargeEntity, { orderId }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (!charge) {
    await deps.writer.refuse({ orderId, refusal: INTERRUPTED, seats: order.lines, at: deps.now() });
  } else {
    const known = await deps.charge.get(charge.id);
    if (!known.reached) {
      deps.logger.warn(
        { orderId, chargeId: charge.id, error: known.error },
        'recovery: charge terminal unreachable, will retry',
      );
      return;
    }
    await endAsTheTerminalSays(deps, order, charge.id, known.value);
  }
  publishStock(
    deps,
    order.lines.map((line) => line.productId),
  );
}

async function endAsTheTerminalSays(
  deps: SalesDeps,
  order: Order,
  chargeId: string,
  record: GetChargeResponse | null,
): Promise<void> {
  const orderId = order.id;
  const refuse = (refusal: Refusal, state: 'declined' | 'reversed' | 'reverse_pending') =>
    deps.writer.refuse({ orderId, refusal, seats: order.lines, charge: { id: chargeId, state }, at: deps.now() });
  if (record?.state === ChargeState.CHARGE_STATE_APPROVED) {
    const { authorizationCode, cardBrand, cardLast4 } = record;
    await deps.writer.issue({
      orderId,
      chargeId,
      authorizationCode,
      cardBrand,
      cardLast4,
      signatures: await signaturesOf(deps, order),
      at: deps.now(),
    });
    deps.logger.info({ orderId, chargeId }, 'recovery: interrupted sale finished');
  } else if (record?.state === ChargeState.CHARGE_STATE_DECLINED) {
    await refuse(
      {
        reason: record.declineReason || UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_DECLINED,
        message: 'The card was declined.',
      },
      'declined',
    );
  } else {
    // Never reached the terminal (or already undone): void the id so a late request cannot approve it.
    const voided = await deps.charge.reverse(chargeId, 'sale interrupted');
    await refuse(INTERRUPTED, voided.reached ? 'reversed' : 'reverse_pending');
    deps.logger.info({ orderId, chargeId }, 'recovery: interrupted sale undone');
  }
}

/** The order's reserved tickets signed as the live path signs them: over the ticket and buyer identification as stored, for the order's card. */
async function signaturesOf(deps: SalesDeps, order: Order): Promise<Array<{ ticketId: string; signature: Buffer }>> {
  const tickets = await deps.orm.em.fork().find(TicketEntity, { orderId: order.id, state: 'pending' });
  if (!tickets.length) return [];
  const buyer = BuyerIdentification.decode(order.buyerIdentification!);
  return tickets.map((ticket) => ({
    ticketId: ticket.id,
    signature: signTicket(deps.key.privateKey, TicketInfo.decode(ticket.info), buyer, order.cardId),
  }));
}

/** A pending order reserved longer ago than a live sale can take: its sale was interrupted. */
export function isStale(deps: SalesDeps, order: Order): boolean {
  return deps.now().getTime() - (order.reservedAt ?? order.orderedAt).getTime() >= deps.staleReservationMs;
}

/** One pass: interrupted sales older than the stale age, then unconfirmed reversals. */
export async function sweep(deps: SalesDeps): Promise<void> {
  const em = deps.orm.em.fork();
  const staleBefore = new Date(deps.now().getTime() - deps.staleReservationMs);
  const stale = await em.find(
    OrderEntity,
    { state: 'pending', reservedAt: { $lt: staleBefore } },
    { fields: ['id'], limit: 100 },
  );
  for (const { id } of stale) await recoverOrder(deps, id);

  const unconfirmed = await em.find(ChargeEntity, { state: 'reverse_pending' }, { limit: 100 });
  for (const charge of unconfirmed) {
    const result = await deps.charge.reverse(charge.id, 'retrying an unconfirmed reversal');
    if (result.reached) await confirmReversals(sqlOn(em), [charge.id], deps.now());
  }
}

/** Runs sweep now and then intervalMs after each pass ends, until the returned function is called. */
export function startSweeper(deps: SalesDeps, intervalMs: number): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = sweep(deps)
      .catch((error) => deps.logger.error({ err: error }, 'recovery sweep failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, intervalMs);
        timer.unref();
      });
  };
  loop();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
