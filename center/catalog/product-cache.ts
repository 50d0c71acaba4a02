/**
 * Products by id, read once per center process. A product row never changes
 * after creation except for seats left, which is never read from here: seats
 * are taken and given back in the database only, by sales/writes/stock.ts.
 */
import type { MikroORM } from '@mikro-orm/core';
import { ProductEntity, type Product } from './product.entity.js';

export class ProductCache {
  private readonly products = new Map<string, Promise<Product | null>>();

  constructor(private readonly orm: MikroORM) {}

  /** The product, or null when there is none with this id (not cached, so a later one is found). */
  find(id: string): Promise<Product | null> {
    let product = this.products.get(id);
    if (!product) {
      product = this.orm.em.fork().findOne(ProductEntity, { id });
      const forget = () => void this.products.delete(id);
      product.then((found) => found ?? forget(), forget);
      this.products.set(id, product);
    }
    return product;
  }

  async get(id: string): Promise<Product> {
    const product = await this.find(id);
    if (!product) throw new Error(`no product ${id}`);
    return product;
  }
}
