/**
 * What happens after issue: an operator cancels an order (its tickets reject
 * as CANCELLED, its unused seats go back on sale, its approved charge must be
 * reversed), and the charge terminal confirms a reversal.
 */
import { placeholders, type SqlTx } from '../../db/group-commit.js';
import type { OrderLine } from '../order.entity.js';
import { giveSeatsBack, mergeLines } from './stock.js';

/** A ticket of the order that was admitted at a gate before the cancellation. */
export interface UsedTicket {
  readonly ticketId: string;
  readonly productId: string;
  readonly gateId: string;
}

export type CancelOutcome =
  /** This call cancelled it; `charges` are the approved charges now `reverse_pending`. */
  | { readonly kind: 'cancelled'; readonly charges: string[]; readonly used: readonly UsedTicket[] }
  /** Not issued any more: another cancellation won. */
  | { readonly kind: 'not-issued' }
  /** Some tickets were admitted and the operator did not force it: nothing was written. */
  | { readonly kind: 'used'; readonly used: readonly UsedTicket[] };

/**
 * `issued → cancelled` (conditional, so one of two concurrent cancellations
 * wins): tickets cancelled, seats given back, approved charges marked
 * `reverse_pending`. A ticket already admitted at a gate keeps its seat sold
 * (the buyer was inside: selling that seat again would oversell the venue),
 * and without `force` such an order is not cancelled at all: the caller rolls
 * the transaction back on `used`. The check runs after the conditional
 * update, inside the same transaction, so on SQLite no admission can come
 * between them.
 */
export async function cancelSale(
  sql: SqlTx,
  orderId: string,
  seats: readonly OrderLine[],
  at: Date,
  force = false,
): Promise<CancelOutcome> {
  const won = await sql.all(
    `update orders set state = 'cancelled', cancelled_at = ? where id = ? and state = 'issued' returning id`,
    [at, orderId],
  );
  if (!won.length) return { kind: 'not-issued' };
  const used = await usedTickets(sql, orderId);
  if (used.length && !force) return { kind: 'used', used };
  await sql.run(`update tickets set state = 'cancelled' where order_id = ? and state = 'issued'`, [orderId]);
  await giveSeatsBack(sql, unusedSeats(seats, used));
  const charges = await sql.all<{ id: string }>(
    `update charges set state = 'reverse_pending', updated_at = ? where order_id = ? and state = 'approved' returning id`,
    [at, orderId],
  );
  return { kind: 'cancelled', charges: charges.map((charge) => charge.id), used };
}

/** The order's tickets with at least one entry recorded, each with the gate of its first entry. */
async function usedTickets(sql: SqlTx, orderId: string): Promise<UsedTicket[]> {
  const rows = await sql.all<{ ticket_id: string; product_id: string; gate_id: string }>(
    `select ticket_id, product_id, gate_id from redemptions where order_id = ? order by ticket_id, entry_number`,
    [orderId],
  );
  const first = new Map<string, UsedTicket>();
  for (const row of rows)
    if (!first.has(row.ticket_id))
      first.set(row.ticket_id, { ticketId: row.ticket_id, productId: row.product_id, gateId: row.gate_id });
  return [...first.values()];
}

/** The order's seats less one per used ticket of that product. */
export function unusedSeats(seats: readonly OrderLine[], used: readonly UsedTicket[]): OrderLine[] {
  const usedOf = new Map<string, number>();
  for (const ticket of used) usedOf.set(ticket.productId, (usedOf.get(ticket.productId) ?? 0) + 1);
  return mergeLines(seats)
    .map(({ productId, quantity }) => ({ productId, quantity: quantity - (usedOf.get(productId) ?? 0) }))
    .filter((line) => line.quantity > 0);
}

/** `reverse_pending → reversed`, once the charge terminal has confirmed the reversal of these charges. */
export async function confirmReversals(sql: SqlTx, chargeIds: readonly string[], at: Date): Promise<void> {
  if (!chargeIds.length) return;
  await sql.run(
    `update charges set state = 'reversed', updated_at = ? where state = 'reverse_pending' and id in (${placeholders(chargeIds.length)})`,
    [at, ...chargeIds],
  );
}
