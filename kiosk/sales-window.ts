/**
 * Whether a product is still sold, as the center decides it (SPEC §3: sales
 * close at `starts_at` unless the product sets `sales_close_at`), so the
 * kiosk never offers an event whose sales have closed and the buyer does not
 * type everything only to read "Sales have closed". The center stays the
 * judge; test/kiosk/sales-closed.test.tsx holds the two to the same answer.
 */
import type { Product } from '../gen/cardgate/v1/catalog.js';

/** When sales of `product` end. */
export function salesCloseAt(product: Product): Date | undefined {
  return product.salesCloseAt ?? product.startsAt;
}

/** True once sales of `product` have closed at `now`. */
export function salesClosed(product: Product, now: Date): boolean {
  const closes = salesCloseAt(product);
  return closes !== undefined && now.getTime() >= closes.getTime();
}
