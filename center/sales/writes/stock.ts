/**
 * Seats left (`products.remaining`): the one module that takes and gives
 * them back, inside the transaction of the write that reserves, refuses or
 * cancels a sale, or of an operator's change of capacity. Seats are taken by a conditional UPDATE (`remaining >= n`),
 * so two buyers can never both take the last seat, on SQLite or PostgreSQL,
 * in one center or several. Products are always touched in id order, which
 * keeps two PostgreSQL centers from deadlocking on each other's rows.
 */
import type { SqlTx } from '../../db/group-commit.js';
import type { OrderLine } from '../order.entity.js';

/** Merges lines for the same product, so "2 + 1 of A" reserves 3 of A once. */
export function mergeLines(lines: readonly OrderLine[]): OrderLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.productId, (merged.get(line.productId) ?? 0) + line.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

const demandOf = (lines: readonly OrderLine[]) =>
  mergeLines(lines).sort((a, b) => a.productId.localeCompare(b.productId));

const take = (sql: SqlTx, { productId, quantity }: OrderLine) =>
  sql
    .all(`update products set remaining = remaining - ? where id = ? and remaining >= ? returning id`, [
      quantity,
      productId,
      quantity,
    ])
    .then((rows) => rows.length > 0);
const giveBack = (sql: SqlTx, { productId, quantity }: OrderLine) =>
  sql.run(`update products set remaining = remaining + ? where id = ?`, [quantity, productId]);

/**
 * An operator's new capacity (AdminService.UpdateProduct): seats left move by as much as capacity,
 * in one conditional update, so the change never takes seats that sales hold (capacity minus seats
 * left is what is sold and reserved) even while buyers take seats. Null when it would: the product
 * is unchanged.
 */
export async function changeCapacity(
  sql: SqlTx,
  productId: string,
  capacity: number,
): Promise<{ remaining: number; capacity: number } | null> {
  const rows = await sql.all<{ remaining: number; capacity: number }>(
    `update products set remaining = remaining + (? - capacity), capacity = ?
     where id = ? and remaining + (? - capacity) >= 0 returning remaining, capacity`,
    [capacity, capacity, productId, capacity],
  );
  return rows[0] ?? null;
}

/** Gives back the seats of these lines, one update per product. */
export async function giveSeatsBack(sql: SqlTx, lines: readonly OrderLine[]): Promise<void> {
  for (const line of demandOf(lines)) await giveBack(sql, line);
}

/**
 * Takes the seats of every sale, each sale all its lines or none: the whole
 * batch's demand per product at once while seats last, sale by sale in
 * arrival order once they run short. Returns the sales that got none, with
 * the product that ran short.
 */
export async function takeSeats<Sale>(
  sql: SqlTx,
  sales: readonly Sale[],
  linesOf: (sale: Sale) => readonly OrderLine[],
): Promise<Map<Sale, string>> {
  const short = new Map<Sale, string>();
  if ((await takeAll(sql, demandOf(sales.flatMap(linesOf)))) === null) return short;
  const failedAt = new Map<string, number>(); // a product that refused n seats refuses n or more for the rest of this transaction
  for (const sale of sales) {
    const shortOf = await takeAll(sql, demandOf(linesOf(sale)), failedAt);
    if (shortOf !== null) short.set(sale, shortOf);
  }
  return short;
}

/**
 * One conditional update per product, all or nothing: null when every one was
 * taken, else the product that ran short (the others given back). With
 * `failedAt`, a product already short of n seats is not asked for n again.
 */
async function takeAll(
  sql: SqlTx,
  demand: readonly OrderLine[],
  failedAt?: Map<string, number>,
): Promise<string | null> {
  for (const [i, line] of demand.entries()) {
    const knownShort = line.quantity >= (failedAt?.get(line.productId) ?? Infinity);
    if (!knownShort && (await take(sql, line))) continue;
    failedAt?.set(line.productId, Math.min(line.quantity, failedAt.get(line.productId) ?? Infinity));
    for (const taken of demand.slice(0, i)) await giveBack(sql, taken);
    return line.productId;
  }
  return null;
}
