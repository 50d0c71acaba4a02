/**
 * `cardgate admin export --format csv --what orders|redemptions [--out FILE]`: every order, or
 * every movement and refused presentation, through the center, as RFC 4180 CSV (csv-stringify:
 * fields with commas, quotes or line breaks are quoted, quotes doubled), one header row first.
 */
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { OrderSummary, Refusal } from '../../gen/cardgate/v1/admin.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { centerOptions, withCenter, type CenterFlags } from './admin-common.js';
import { namesOf, newestFirst, redemptionRow, refusalRow, type GateLogRow } from './admin-gate-log.js';
import { orderFilterOptions, orderFilters, orderRow, type OrderFilterFlags } from './admin-orders.js';

/** The most a center answers in one page. */
const PAGE = 1000;

/** Every row of a paged listing: pages of PAGE until one comes back short. */
async function allPages<T>(page: (offset: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const rows = await page(all.length);
    all.push(...rows);
    if (rows.length < PAGE) return all;
  }
}

async function exportOrders(center: CenterClient, o: OrderFilterFlags) {
  const orders = await allPages((offset) => center.listOrders(PAGE, { ...orderFilters(o), offset }));
  return orders.map(orderRow);
}

async function exportGateLog(center: CenterClient): Promise<GateLogRow[]> {
  const redemptions = await allPages((offset) => center.listRedemptions({ limit: PAGE, offset }));
  const refusals = await allPages((offset) => center.listRefusals({ limit: PAGE, offset }));
  const rows: GateLogRow[] = [];
  for (let i = 0; i < redemptions.length; i += PAGE) {
    const chunk = redemptions.slice(i, i + PAGE);
    const names = await namesOf(center, chunk);
    rows.push(...chunk.map((r) => redemptionRow(r, names)));
  }
  return newestFirst([...rows, ...refusals.map(refusalRow)]);
}

export function registerExportCommand(admin: Command): void {
  orderFilterOptions(
    centerOptions(
      admin
        .command('export')
        .description('write every order, or every redemption and refusal, as CSV (RFC 4180) with a header row'),
    ),
  )
    .addOption(new Option('--format <format>', 'the file format').choices(['csv']).makeOptionMandatory())
    .addOption(
      new Option('--what <what>', 'orders, or redemptions (entries, exits and refusals)')
        .choices(['orders', 'redemptions'])
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: CenterFlags & OrderFilterFlags & { what: string; out?: string }) => {
      if (o.what === 'redemptions' && (o.product || o.buyer || o.email || o.card || o.state))
        throw new InvalidArgumentError('the order filters (--product, --buyer, …) go with --what orders');
      const rows: object[] = await withCenter<object[]>(o, (center) =>
        o.what === 'orders' ? exportOrders(center, o) : exportGateLog(center),
      );
      const sample = o.what === 'orders' ? orderRow(OrderSummary.fromPartial({})) : refusalRow(Refusal.fromPartial({}));
      const columns = Object.keys(sample);
      const csv = stringify(rows, { header: true, columns, cast: { boolean: (v) => String(v) } });
      if (o.out) {
        writeFileSync(o.out, csv);
        const what = o.what === 'orders' ? 'order' : 'entry, exit and refusal row';
        console.error(`wrote ${rows.length} ${what}${rows.length === 1 ? '' : 's'} to ${o.out}`);
      } else process.stdout.write(csv);
    });
}
