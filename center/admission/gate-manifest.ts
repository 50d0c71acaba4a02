/**
 * GetGateManifest (SPEC §9): what a gate needs to decide alone while the
 * center is unreachable — the center's public key, every product whose
 * admission has not closed (with its rules) and the ids of those products'
 * cancelled tickets — read from the database, so every center on it answers
 * alike.
 *
 * The version is a hash over the public key, the ids of the products still
 * admitting and the number of cancelled orders. That is all that can change
 * what a manifest holds: a product row never changes after it is created
 * (product-cache.ts; its seats left are not part of the version, see below),
 * the set of products changes when one is created or its admission closes,
 * and a cancellation never comes undone, so within one set of products the
 * cancelled tickets change exactly when the count of cancelled orders does
 * (a cancellation of a past product's order changes the version too: a
 * spurious fetch, nothing worse). It is cheap: two small reads and no ticket
 * row — the products still admitting (a handful of rows) and a count of
 * cancelled orders on the orders' (state, reserved_at) index, which visits
 * the cancelled orders only. A gate polling with the version it holds gets
 * `unchanged` from those two reads alone.
 *
 * A full answer reads the version first and the content after it, so the
 * content is at least as new as the version it carries: a cancellation in
 * between changes the version the next poll computes and the gate fetches
 * again, never the other way round.
 *
 * Products carry `remaining` as it was when read: seats sold do not change
 * the version (gates would otherwise fetch the whole manifest after every sale)
 * and a gate does not decide with them.
 */
import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { admissionRules } from '../../card/admission/admission-rules.js';
import type { GetGateManifestResponse } from '../../gen/cardgate/v1/gate.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { toProductMessage } from '../catalog/product-message.js';
import { placeholders } from '../db/group-commit.js';
import { withConnection, type SqlTx } from '../db/raw-sql.js';
import type { SigningKey } from '../signing/signing-key.js';

/** How long after its start a product without an admission window of its own still admits (the rule's default). */
const DEFAULT_ADMISSION_MS = admissionRules({ startsAt: new Date(0), gateIds: [] }).closesAt.getTime();

interface ProductRow {
  id: string;
  starts_at: Date | number | string;
  admission_closes_at: Date | number | string | null;
}

/** SQLite keeps datetimes as epoch milliseconds, PostgreSQL hands back Dates. */
const dateOf = (value: Date | number | string) =>
  value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** The manifest, or only `unchanged` when `knownVersion` is still current. */
export async function readGateManifest(
  orm: MikroORM,
  key: SigningKey,
  now: Date,
  knownVersion: string,
): Promise<GetGateManifestResponse> {
  const { productIds, version } = await withConnection(orm, (sql) => currentVersion(sql, key, now));
  if (knownVersion === version) return { unchanged: true, manifest: undefined };
  const products = productIds.length
    ? await orm.em.fork().find(ProductEntity, { id: { $in: productIds } }, { orderBy: { startsAt: 'asc', id: 'asc' } })
    : [];
  const cancelled = productIds.length ? await withConnection(orm, (sql) => cancelledTicketIds(sql, productIds)) : [];
  return {
    unchanged: false,
    manifest: {
      version,
      signingPublicKey: key.publicKeyRaw,
      products: products.map(toProductMessage),
      cancelledTicketIds: cancelled,
    },
  };
}

/** The ids of the products still admitting at `now` and the manifest's version (see the header). */
async function currentVersion(
  sql: SqlTx,
  key: SigningKey,
  now: Date,
): Promise<{ productIds: string[]; version: string }> {
  const [rows, counts] = await Promise.all([
    // Narrowed in SQL by a bound that admits every candidate, then decided by the rule itself.
    sql.all<ProductRow>(
      'select id, starts_at, admission_closes_at from products ' +
        'where admission_closes_at >= ? or (admission_closes_at is null and starts_at >= ?)',
      [now, new Date(now.getTime() - DEFAULT_ADMISSION_MS)],
    ),
    sql.all<{ n: number | string }>("select count(*) as n from orders where state = 'cancelled'", []),
  ]);
  const productIds = rows
    .filter(
      (row) =>
        admissionRules({
          startsAt: dateOf(row.starts_at),
          admissionClosesAt: row.admission_closes_at === null ? null : dateOf(row.admission_closes_at),
          gateIds: [],
        }).closesAt >= now,
    )
    .map((row) => row.id)
    .sort();
  const hash = createHash('sha256').update(key.publicKeyRaw);
  for (const id of productIds) hash.update(`\0${id}`);
  hash.update(`\0cancelled orders ${Number(counts[0]?.n ?? 0)}`);
  return { productIds, version: hash.digest('base64url').slice(0, 22) };
}

/** The cancelled tickets of these products, through the cancelled orders (few) rather than the products' tickets (many). */
async function cancelledTicketIds(sql: SqlTx, productIds: readonly string[]): Promise<string[]> {
  const rows = await sql.all<{ id: string }>(
    "select t.id from orders o join tickets t on t.order_id = o.id where o.state = 'cancelled' " +
      `and t.state = 'cancelled' and t.product_id in (${placeholders(productIds.length)}) order by t.id`,
    productIds,
  );
  return rows.map((row) => row.id);
}
