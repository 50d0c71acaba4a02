/**
 * What each product has sold and admitted (AdminService.ListProductStats): the operator's
 * `admin products` listing and the monitor's bars. Counted by the database in five grouped
 * queries, whatever the number of tickets, so a dashboard polling it every few seconds costs
 * the center little and several centers on one database agree.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { ProductStats } from '../../gen/cardgate/v1/admin.js';
import { admissionRules } from '../../card/admission/admission-rules.js';
import { ProductEntity, type Product } from '../catalog/product.entity.js';
import { salesCloseAt, toProductMessage } from '../catalog/product-message.js';
import { withConnection, type SqlTx } from '../db/raw-sql.js';

const DAY_MS = 24 * 60 * 60 * 1000;

type Counts = Map<string, number>;

async function countsBy(sql: SqlTx, query: string): Promise<Counts> {
  const rows = await sql.all<{ product_id: string; n: number | string }>(query, []);
  return new Map(rows.map((row) => [row.product_id, Number(row.n)]));
}

/** A movement counts unless a gate undid it; a ticket is inside when its last counting movement is an entry. */
const COUNTS = {
  sold: `select product_id, count(*) as n from tickets where state = 'issued' group by product_id`,
  reserved: `select product_id, count(*) as n from tickets where state = 'pending' group by product_id`,
  admitted: `select product_id, count(distinct ticket_id) as n from redemptions
    where direction = 'entry' and annulled_at is null group by product_id`,
  inside: `select r.product_id, count(*) as n from redemptions r
    where r.direction = 'entry' and r.annulled_at is null and r.entry_number = (
      select max(last.entry_number) from redemptions last
      where last.ticket_id = r.ticket_id and last.annulled_at is null)
    group by r.product_id`,
  conflicts: `select product_id, count(*) as n from redemptions where conflict group by product_id`,
} as const;

export async function listProductStats(
  orm: MikroORM,
  em: EntityManager,
  now: Date,
  includePast: boolean,
): Promise<ProductStats[]> {
  const all = await em.find(ProductEntity, {}, { orderBy: { startsAt: 'asc', id: 'asc' } });
  const products = includePast ? all : all.filter((product) => !longPast(product, now));
  const counts = await withConnection(orm, async (sql) => ({
    sold: await countsBy(sql, COUNTS.sold),
    reserved: await countsBy(sql, COUNTS.reserved),
    admitted: await countsBy(sql, COUNTS.admitted),
    inside: await countsBy(sql, COUNTS.inside),
    conflicts: await countsBy(sql, COUNTS.conflicts),
  }));
  return products.map((product) => ({
    product: toProductMessage(product),
    sold: counts.sold.get(product.id) ?? 0,
    reserved: counts.reserved.get(product.id) ?? 0,
    admitted: counts.admitted.get(product.id) ?? 0,
    inside: counts.inside.get(product.id) ?? 0,
    conflicts: counts.conflicts.get(product.id) ?? 0,
    onSale: now < salesCloseAt(product) && product.remaining > 0,
  }));
}

/** Admission closed more than a day ago. */
function longPast(product: Product, now: Date): boolean {
  return admissionRules(product).closesAt.getTime() + DAY_MS < now.getTime();
}
