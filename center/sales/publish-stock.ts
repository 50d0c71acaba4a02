import type { EntityManager } from '@mikro-orm/core';
import { ProductEntity } from '../catalog/product.entity.js';
import type { AvailabilityHub } from '../catalog/availability-hub.js';

/** Tells WatchAvailability streams the seats left of these products; a no-op when nobody watches. */
export async function publishStock(em: EntityManager, hub: AvailabilityHub, productIds: readonly string[]): Promise<void> {
  if (!hub.watching || productIds.length === 0) return;
  const products = await em.fork().find(ProductEntity, { id: { $in: [...productIds] } }, { fields: ['id', 'remaining', 'capacity'] });
  for (const product of products) hub.publish({ productId: product.id, remaining: product.remaining, capacity: product.capacity });
}
