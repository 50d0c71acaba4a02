import type { MikroORM } from '@mikro-orm/core';
import { ProductEntity } from '../catalog/product.entity.js';
import type { AvailabilityHub, StockReader } from '../catalog/availability-hub.js';

/** Tells WatchAvailability streams that these products' seats changed (after the change committed). */
export function publishStock({ hub }: { readonly hub: AvailabilityHub }, productIds: readonly string[]): void {
  if (productIds.length > 0) hub.stockChanged(productIds);
}

/** The hub's reader: each product's seats left as the database has them. */
export const stockReader =
  (orm: MikroORM): StockReader =>
  async (productIds) => {
    const products = await orm.em
      .fork()
      .find(ProductEntity, { id: { $in: [...productIds] } }, { fields: ['id', 'remaining', 'capacity'] });
    return products.map((product) => ({
      productId: product.id,
      remaining: product.remaining,
      capacity: product.capacity,
      product: undefined,
    }));
  };
