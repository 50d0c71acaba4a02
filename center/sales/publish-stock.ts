import type { MikroORM } from '@mikro-orm/core';
import { ProductEntity } from '../catalog/product.entity.js';
import type { AvailabilityHub } from '../catalog/availability-hub.js';

/**
 * Tells WatchAvailability streams the seats left of these products, after the
 * change committed. Costs nothing when nobody watches; a failed read only
 * delays the update to the next change, so it is never an error for the caller.
 */
export async function publishStock(
  { orm, hub }: { readonly orm: MikroORM; readonly hub: AvailabilityHub },
  productIds: readonly string[],
): Promise<void> {
  if (!hub.watching || productIds.length === 0) return;
  try {
    const products = await orm.em
      .fork()
      .find(ProductEntity, { id: { $in: [...productIds] } }, { fields: ['id', 'remaining', 'capacity'] });
    for (const product of products)
      hub.publish({ productId: product.id, remaining: product.remaining, capacity: product.capacity });
  } catch {
    // the next change publishes again
  }
}
