/**
 * Products by id, read at most once a second per product and center. Seats
 * left are never read from here: they are taken and given back in the
 * database only, by sales/writes/stock.ts. What else an operator changes
 * (AdminService.UpdateProduct: name, venue, capacity, end of sales) is seen
 * at once by the center that changed it (`forget`) and within a second by
 * every other center on the database, so no center sells a closed product
 * for longer than that.
 */
import type { MikroORM } from '@mikro-orm/core';
import { ProductEntity, type Product } from './product.entity.js';

const TTL_MS = 1_000;

export class ProductCache {
  private readonly products = new Map<string, { product: Promise<Product | null>; expires: number }>();

  constructor(private readonly orm: MikroORM) {}

  /** The product, or null when there is none with this id (not cached, so a later one is found). */
  find(id: string): Promise<Product | null> {
    const now = Date.now();
    const cached = this.products.get(id);
    if (cached && cached.expires > now) return cached.product;
    const product = this.orm.em.fork().findOne(ProductEntity, { id });
    const entry = { product, expires: now + TTL_MS };
    const forget = () => void (this.products.get(id) === entry && this.products.delete(id));
    product.then((found) => found ?? forget(), forget);
    this.products.set(id, entry);
    return product;
  }

  async get(id: string): Promise<Product> {
    const product = await this.find(id);
    if (!product) throw new Error(`no product ${id}`);
    return product;
  }

  /** The product changed: read it again on the next call. */
  forget(id: string): void {
    this.products.delete(id);
  }
}
