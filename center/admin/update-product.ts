/**
 * UpdateProduct: an operator renames a product, moves it to another venue,
 * changes its capacity, or closes or reopens its sales, in one transaction
 * with its audit event. Capacity goes through the one stock writer
 * (sales/writes/stock.ts), which never lets it fall below the seats sold and
 * reserved. Closing sales sets `sales_close_at` to now, the one rule every
 * part already reads (kiosks stop offering it, purchases answer
 * SALES_CLOSED); reopening clears it, so sales run to the start again.
 */
import type { EntityManager } from '@mikro-orm/core';
import { quoted } from '../../card/text.js';
import { SalesChange, type UpdateProductRequest } from '../../gen/cardgate/v1/admin.js';
import { ProductEntity, type Product } from '../catalog/product.entity.js';
import { salesCloseAt } from '../catalog/product-message.js';
import { sqlOn } from '../db/orm-sql.js';
import { DomainError, invalidInput, notFound } from '../domain-error.js';
import { changeCapacity } from '../sales/writes/stock.js';
import { audit, type Actor } from './audit.js';
import { MAX_CAPACITY } from './create-product.js';

export async function updateProduct(
  em: EntityManager,
  request: UpdateProductRequest,
  actor: Actor,
  now: Date,
): Promise<Product> {
  if (!request.productId) throw invalidInput('product_id is required');
  const name = request.name?.trim();
  if (name === '') throw invalidInput('name must not be empty');
  const venue = request.venue?.trim();
  if (venue === '') throw invalidInput('venue must not be empty');
  const capacity = request.capacity;
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY))
    throw invalidInput(`capacity must be between 1 and ${MAX_CAPACITY}`);
  if (name === undefined && venue === undefined && capacity === undefined && !request.sales)
    throw invalidInput('nothing to change: give a name, venue, capacity or a sales change');

  await em.transactional(async (tx) => {
    const product = await tx.findOne(ProductEntity, { id: request.productId });
    if (!product) throw notFound(`no product ${quoted(request.productId)}`);
    const changes: string[] = [];
    if (name !== undefined && name !== product.name) changes.push(`name ${quoted(product.name)} → ${quoted(name)}`);
    if (venue !== undefined && venue !== product.venue)
      changes.push(`venue ${quoted(product.venue)} → ${quoted(venue)}`);
    const sales = salesChange(product, request.sales, now);
    if (sales) changes.push(sales.says);
    tx.assign(product, {
      ...(name !== undefined ? { name } : {}),
      ...(venue !== undefined ? { venue } : {}),
      ...(sales ? { salesCloseAt: sales.closeAt } : {}),
    });
    await tx.flush();
    if (capacity !== undefined && capacity !== product.capacity) {
      const changed = await changeCapacity(sqlOn(tx), product.id, capacity);
      if (!changed) throw await belowSold(tx, product, capacity);
      changes.push(`capacity ${product.capacity} → ${changed.capacity}`);
    }
    audit(tx, actor, 'product.update', product.id, now, changes.join('; ') || 'no change');
  });
  const updated = await em.fork().findOneOrFail(ProductEntity, { id: request.productId });
  return updated;
}

function salesChange(
  product: Product,
  change: SalesChange,
  now: Date,
): { closeAt: Date | null; says: string } | undefined {
  switch (change) {
    case SalesChange.SALES_CHANGE_CLOSE:
      if (now >= salesCloseAt(product)) return undefined;
      return { closeAt: now, says: 'sales closed' };
    case SalesChange.SALES_CHANGE_REOPEN:
      if (now >= product.startsAt)
        throw new DomainError('CONFLICT', `sales of ${product.id} cannot reopen: the event has started`);
      if (product.salesCloseAt === null) return undefined;
      return { closeAt: null, says: 'sales reopened until the start' };
    default:
      return undefined;
  }
}

/**
 * The refusal of a capacity below the seats held, with the numbers: held is what the database
 * counts (capacity minus seats left), which includes the seats of used tickets of cancelled
 * orders (never sold again).
 */
async function belowSold(em: EntityManager, product: Product, capacity: number): Promise<DomainError> {
  const sql = sqlOn(em);
  const [stock] = await sql.all<{ remaining: number }>(`select remaining from products where id = ?`, [product.id]);
  const rows = await sql.all<{ state: string; n: number | string }>(
    `select state, count(*) as n from tickets where product_id = ? and state in ('issued', 'pending') group by state`,
    [product.id],
  );
  const count = (state: string) => Number(rows.find((row) => row.state === state)?.n ?? 0);
  const [sold, reserved] = [count('issued'), count('pending')];
  const held = product.capacity - (stock?.remaining ?? 0);
  const kept = held - sold - reserved;
  const keptSays = kept > 0 ? `, ${kept} kept for used tickets of cancelled orders` : '';
  return new DomainError(
    'CONFLICT',
    `capacity of ${product.id} cannot be ${capacity}: ${sold} sold and ${reserved} reserved${keptSays}, ` +
      `so at least ${held}; capacity stays ${product.capacity}`,
  );
}
