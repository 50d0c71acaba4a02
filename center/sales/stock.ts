/**
 * Seats-left bookkeeping. Seats are taken by a conditional UPDATE in the
 * sale writer (sale-writer.ts), so two buyers can never both take the last
 * seat, on SQLite or PostgreSQL, in one center or several; they are given
 * back here when a sale ends without tickets.
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import { ProductEntity } from '../catalog/product.entity.js';
import type { OrderLine } from './order.entity.js';

/** Gives the quantities back. Call inside the transaction that ends the sale. */
export async function releaseStock(em: EntityManager, lines: readonly OrderLine[]): Promise<void> {
  for (const line of [...lines].sort((a, b) => a.productId.localeCompare(b.productId))) {
    await em.nativeUpdate(ProductEntity, { id: line.productId }, { remaining: raw('remaining + ?', [line.quantity]) });
  }
}

/** Merges lines for the same product, so "2 + 1 of A" reserves 3 of A once. */
export function mergeLines(lines: readonly OrderLine[]): OrderLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.productId, (merged.get(line.productId) ?? 0) + line.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}
