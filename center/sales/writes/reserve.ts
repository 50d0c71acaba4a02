/**
 * The first write of every sale, before the charge terminal is asked: the
 * order row claims its idempotency key in state `pending` (a new key is
 * inserted, a key whose last try found the payment service unavailable is
 * retaken), the seats are taken, and the unsigned tickets and the charge
 * attempt are written. A sale that finds too few seats ends SOLD_OUT in the
 * same transaction.
 */
import { caseById, placeholders, type SqlTx } from '../../db/group-commit.js';
import { UnavailabilityReason } from '../../../gen/cardgate/v1/sales.js';
import type { Refusal } from '../settle.js';
import type { OrderLine } from '../order.entity.js';
import { takeSeats } from './stock.js';

export interface SaleToReserve {
  readonly order: {
    readonly id: string; readonly idempotencyKey: string; readonly fingerprint: string; readonly cardId: string;
    readonly buyerName: string; readonly buyerEmail: string; readonly lines: readonly OrderLine[];
    readonly currencyCode: string; readonly totalMinor: number; readonly buyerIdentification: Buffer; readonly orderedAt: Date;
  };
  /** Set when the same idempotency key tries again after PAYMENT_UNAVAILABLE: the order row is retaken, not inserted. */
  readonly retake: boolean;
  readonly tickets: ReadonlyArray<{ readonly id: string; readonly productId: string; readonly info: Buffer; readonly additionalInfo: Buffer; readonly entriesAllowed: number }>;
  readonly chargeId: string;
  readonly at: Date;
  /** The refusal to record when this product has too few seats left. */
  soldOut(productId: string): Refusal;
}

/** reserved: go and charge. soldOut: recorded as the order's outcome. taken: another request holds this key. */
export type Reservation = { readonly kind: 'reserved' } | { readonly kind: 'soldOut'; readonly refusal: Refusal } | { readonly kind: 'taken' };

const ORDER_COLUMNS = 'id, idempotency_key, fingerprint, state, card_id, buyer_name, buyer_email, lines, currency_code, total_minor, buyer_identification, ordered_at, reserved_at';
const orderValues = ({ order, at }: SaleToReserve) => [
  order.id, order.idempotencyKey, order.fingerprint, 'pending', order.cardId, order.buyerName, order.buyerEmail,
  JSON.stringify(order.lines), order.currencyCode, order.totalMinor, order.buyerIdentification, order.orderedAt, at,
];

export async function reserveSales(sql: SqlTx, sales: readonly SaleToReserve[]): Promise<Map<SaleToReserve, Reservation>> {
  const outcome = new Map<SaleToReserve, Reservation>();
  // 1. The order rows: new keys inserted (a key taken meanwhile is skipped), retried keys retaken.
  const fresh = sales.filter((s) => !s.retake);
  const inserted = new Set<string>();
  if (fresh.length) {
    const rows = await sql.all<{ id: string }>(
      `insert into orders (${ORDER_COLUMNS}) values ${fresh.map(() => `(${placeholders(13)})`).join(', ')} on conflict do nothing returning id`,
      fresh.flatMap(orderValues),
    );
    for (const row of rows) inserted.add(row.id);
  }
  for (const sale of sales.filter((s) => s.retake)) {
    const [, , , , ...rest] = orderValues(sale);
    const rows = await sql.all<{ id: string }>(
      `update orders set state = 'pending', card_id = ?, buyer_name = ?, buyer_email = ?, lines = ?, currency_code = ?, total_minor = ?, buyer_identification = ?, ordered_at = ?, reserved_at = ?, ` +
        `unavailable_reason = null, unavailable_message = null, unavailable_product_id = null where id = ? and state = 'retryable' returning id`,
      [...rest, sale.order.id],
    );
    if (rows.length) inserted.add(sale.order.id);
  }
  // 2. Stock (writes/stock.ts).
  const claimants = sales.filter((s) => inserted.has(s.order.id));
  for (const sale of sales) if (!inserted.has(sale.order.id)) outcome.set(sale, { kind: 'taken' });
  const short = await takeSeats(sql, claimants, (s) => s.order.lines);
  const going = claimants.filter((s) => !short.has(s));
  for (const sale of going) outcome.set(sale, { kind: 'reserved' });
  const refused = [...short].map(([sale, productId]) => ({ sale, refusal: sale.soldOut(productId) }));
  if (refused.length) {
    const message = caseById(sql, refused, (r) => r.sale.order.id, (r) => r.refusal.message);
    const product = caseById(sql, refused, (r) => r.sale.order.id, (r) => r.refusal.productId ?? null);
    await sql.run(
      `update orders set state = 'unavailable', unavailable_reason = ?, unavailable_message = ${message.sql}, unavailable_product_id = ${product.sql} where id in (${placeholders(refused.length)})`,
      [UnavailabilityReason.UNAVAILABILITY_REASON_SOLD_OUT, ...message.params, ...product.params, ...refused.map((r) => r.sale.order.id)],
    );
    for (const { sale, refusal } of refused) outcome.set(sale, { kind: 'soldOut', refusal });
  }
  // 3. Unsigned tickets and the charge attempt of every sale that got its seats.
  const tickets = going.flatMap((s) => s.tickets.map((t) => [t.id, s.order.id, t.productId, s.order.cardId, 'pending', t.info, t.additionalInfo, t.entriesAllowed]));
  if (tickets.length) {
    await sql.run(
      `insert into tickets (id, order_id, product_id, card_id, state, info, additional_info, entries_allowed) values ${tickets.map(() => `(${placeholders(8)})`).join(', ')}`,
      tickets.flat(),
    );
  }
  if (going.length) {
    await sql.run(
      `insert into charges (id, order_id, state, currency_code, amount_minor, created_at, updated_at) values ${going.map(() => `(${placeholders(7)})`).join(', ')}`,
      going.flatMap((s) => [s.chargeId, s.order.id, 'requested', s.order.currencyCode, s.order.totalMinor, s.at, s.at]),
    );
  }
  return outcome;
}

