/**
 * The first write of every sale, before the charge terminal is asked: the
 * order row claims its idempotency key in state `pending` (a new key is
 * inserted, a key whose last try found the payment service unavailable is
 * retaken), the seats are taken, and the unsigned tickets and the charge
 * attempt are written. A sale that finds too few seats, or brings a refusal
 * decided before any seat is taken, ends refused in the same transaction.
 */
import { placeholders, type SqlTx } from '../../db/group-commit.js';
import type { OrderLine } from '../order.entity.js';
import { refuseSales, type Refusal } from './refuse.js';
import { takeSeats } from './stock.js';

export interface SaleToReserve {
  readonly order: {
    readonly id: string;
    readonly idempotencyKey: string;
    readonly fingerprint: string;
    readonly cardId: string;
    readonly buyerName: string;
    readonly buyerEmail: string;
    readonly lines: readonly OrderLine[];
    readonly currencyCode: string;
    readonly totalMinor: number;
    readonly buyerIdentification: Buffer;
    readonly orderedAt: Date;
  };
  /** Set when the same idempotency key tries again after PAYMENT_UNAVAILABLE: the order row is retaken, not inserted. */
  readonly retake: boolean;
  /** A refusal decided before any seat is taken (sales closed, card full): recorded instead of taking seats. */
  readonly refused?: Refusal;
  readonly tickets: ReadonlyArray<{
    readonly id: string;
    readonly productId: string;
    readonly info: Buffer;
    readonly additionalInfo: Buffer;
    readonly entriesAllowed: number;
  }>;
  readonly chargeId: string;
  readonly at: Date;
  /** The refusal to record when this product has too few seats left. */
  soldOut(productId: string): Refusal;
}

/** reserved: go and charge. refused: recorded as the order's outcome. taken: another request holds this key. */
export type Reservation =
  { readonly kind: 'reserved' } | { readonly kind: 'refused'; readonly refusal: Refusal } | { readonly kind: 'taken' };

const ORDER_COLUMNS =
  'id, idempotency_key, fingerprint, state, card_id, buyer_name, buyer_email, lines, currency_code, total_minor, buyer_identification, ordered_at, reserved_at';
const orderValues = ({ order, at }: SaleToReserve) => [
  order.id,
  order.idempotencyKey,
  order.fingerprint,
  'pending',
  order.cardId,
  order.buyerName,
  order.buyerEmail,
  JSON.stringify(order.lines),
  order.currencyCode,
  order.totalMinor,
  order.buyerIdentification,
  order.orderedAt,
  at,
];

export async function reserveSales(
  sql: SqlTx,
  sales: readonly SaleToReserve[],
): Promise<Map<SaleToReserve, Reservation>> {
  const outcome = new Map<SaleToReserve, Reservation>();
  const claimed = await claimKeys(sql, sales);
  for (const sale of sales) if (!claimed.has(sale.order.id)) outcome.set(sale, { kind: 'taken' });
  const claimants = sales.filter((s) => claimed.has(s.order.id));

  const short = await takeSeats(
    sql,
    claimants.filter((s) => !s.refused),
    (s) => s.order.lines,
  );
  const refused = claimants.flatMap((sale) => (sale.refused ? [{ sale, refusal: sale.refused }] : []));
  for (const [sale, productId] of short) refused.push({ sale, refusal: sale.soldOut(productId) });
  if (refused.length) {
    await refuseSales(
      sql,
      refused.map(({ sale, refusal }) => ({ orderId: sale.order.id, refusal, seats: [], at: sale.at })),
    );
    for (const { sale, refusal } of refused) outcome.set(sale, { kind: 'refused', refusal });
  }
  const going = claimants.filter((s) => !outcome.has(s));
  for (const sale of going) outcome.set(sale, { kind: 'reserved' });

  const tickets = going.flatMap((s) =>
    s.tickets.map((t) => [
      t.id,
      s.order.id,
      t.productId,
      s.order.cardId,
      'pending',
      t.info,
      t.additionalInfo,
      t.entriesAllowed,
    ]),
  );
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

/** The order rows: new keys inserted (a key taken meanwhile is skipped), retried keys retaken. Returns the order ids that hold their key now. */
async function claimKeys(sql: SqlTx, sales: readonly SaleToReserve[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  const fresh = sales.filter((s) => !s.retake);
  if (fresh.length) {
    const rows = await sql.all<{ id: string }>(
      `insert into orders (${ORDER_COLUMNS}) values ${fresh.map(() => `(${placeholders(13)})`).join(', ')} on conflict do nothing returning id`,
      fresh.flatMap(orderValues),
    );
    for (const row of rows) claimed.add(row.id);
  }
  for (const sale of sales.filter((s) => s.retake)) {
    const [, , , , ...rest] = orderValues(sale);
    const rows = await sql.all<{ id: string }>(
      `update orders set state = 'pending', card_id = ?, buyer_name = ?, buyer_email = ?, lines = ?, currency_code = ?, total_minor = ?, buyer_identification = ?, ordered_at = ?, reserved_at = ?, ` +
        `unavailable_reason = null, unavailable_message = null, unavailable_product_id = null where id = ? and state = 'retryable' returning id`,
      [...rest, sale.order.id],
    );
    if (rows.length) claimed.add(sale.order.id);
  }
  return claimed;
}
