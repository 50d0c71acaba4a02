/**
 * What happens after issue: an operator cancels an order (its tickets reject
 * as CANCELLED, its seats go back on sale, its approved charge must be
 * reversed), and the charge terminal confirms a reversal.
 */
import { placeholders, type SqlTx } from '../../db/group-commit.js';
import type { OrderLine } from '../order.entity.js';
import { giveSeatsBack } from './stock.js';

/**
 * `issued → cancelled` (conditional, so one of two concurrent cancellations
 * wins): tickets cancelled, seats given back, approved charges marked
 * `reverse_pending`. Returns those charges' ids, empty when the order was not
 * issued any more.
 */
export async function cancelSale(
  sql: SqlTx,
  orderId: string,
  seats: readonly OrderLine[],
  at: Date,
): Promise<string[]> {
  const won = await sql.all(
    `update orders set state = 'cancelled', cancelled_at = ? where id = ? and state = 'issued' returning id`,
    [at, orderId],
  );
  if (!won.length) return [];
  await sql.run(`update tickets set state = 'cancelled' where order_id = ? and state = 'issued'`, [orderId]);
  await giveSeatsBack(sql, seats);
  const charges = await sql.all<{ id: string }>(
    `update charges set state = 'reverse_pending', updated_at = ? where order_id = ? and state = 'approved' returning id`,
    [at, orderId],
  );
  return charges.map((charge) => charge.id);
}

/** `reverse_pending → reversed`, once the charge terminal has confirmed the reversal of these charges. */
export async function confirmReversals(sql: SqlTx, chargeIds: readonly string[], at: Date): Promise<void> {
  if (!chargeIds.length) return;
  await sql.run(
    `update charges set state = 'reversed', updated_at = ? where state = 'reverse_pending' and id in (${placeholders(chargeIds.length)})`,
    [at, ...chargeIds],
  );
}
