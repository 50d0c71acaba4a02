/**
 * The one way a pending sale ends without tickets, whatever decided it:
 * sales closed, card full or sold out (while reserving), declined, payment
 * unavailable, or interrupted (recovery). Every change is conditional: the
 * charge attempt `requested → …` and the order `pending → …`, so when a
 * purchase and the recovery sweeper (or two centers) race to end the same
 * sale, one wins and the other changes nothing, also when the order was
 * retaken by a retry in between; only the winners give their seats back and
 * drop their unsigned tickets.
 */
import { placeholders, updateByIds, type SqlTx } from '../../db/group-commit.js';
import { UnavailabilityReason } from '../../../gen/cardgate/v1/sales.js';
import type { ChargeStateName } from '../charge.entity.js';
import type { OrderLine } from '../order.entity.js';
import { giveSeatsBack } from './stock.js';

export interface Refusal {
  readonly reason: UnavailabilityReason;
  readonly message: string;
  readonly productId?: string;
}

export interface SaleToRefuse {
  readonly orderId: string;
  readonly refusal: Refusal;
  /** The seats the sale holds, given back; empty when it never took any. */
  readonly seats: readonly OrderLine[];
  /** The sale's charge attempt and how it ended; absent when none was made. */
  readonly charge?: {
    readonly id: string;
    readonly state: Extract<ChargeStateName, 'declined' | 'reversed' | 'reverse_pending'>;
  };
  readonly at: Date;
}

/**
 * A decline is recorded (`unavailable`, replayed to the same idempotency
 * key); PAYMENT_UNAVAILABLE leaves the order `retryable`, as SPEC §3 asks.
 * Returns the ids of the orders this call ended.
 */
export async function refuseSales(sql: SqlTx, sales: readonly SaleToRefuse[]): Promise<Set<string>> {
  const live = [
    ...sales.filter((s) => !s.charge),
    ...(await endAttempts(
      sql,
      sales.filter((s) => s.charge),
    )),
  ];
  if (!live.length) return new Set();
  const won = await updateByIds(
    sql,
    'orders',
    live,
    (s) => s.orderId,
    {
      state: {
        type: 'varchar',
        value: (s) =>
          s.refusal.reason === UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE
            ? 'retryable'
            : 'unavailable',
      },
      unavailable_reason: { type: 'integer', value: (s) => s.refusal.reason },
      unavailable_message: { type: 'varchar', value: (s) => s.refusal.message },
      unavailable_product_id: { type: 'varchar', value: (s) => s.refusal.productId ?? null },
    },
    { where: "state = 'pending'" },
  );
  const seated = live.filter((s) => won.has(s.orderId) && s.seats.length > 0);
  if (seated.length) {
    await giveSeatsBack(
      sql,
      seated.flatMap((s) => s.seats),
    );
    await sql.run(
      `delete from tickets where state = 'pending' and order_id in (${placeholders(seated.length)})`,
      seated.map((s) => s.orderId),
    );
  }
  return won;
}

/**
 * Records how each sale's charge attempt ended, if it is still `requested`,
 * and returns those sales: an ender that decided about an attempt that has
 * ended since (and whose order may have been retaken by a retry) changes
 * nothing.
 */
async function endAttempts(sql: SqlTx, sales: readonly SaleToRefuse[]): Promise<SaleToRefuse[]> {
  if (!sales.length) return [];
  const open = await updateByIds(
    sql,
    'charges',
    sales,
    (s) => s.charge!.id,
    { state: { type: 'varchar', value: (s) => s.charge!.state } },
    { set: 'updated_at = ?', where: "state = 'requested'", params: [sales[0]!.at] },
  );
  return sales.filter((s) => open.has(s.charge!.id));
}
