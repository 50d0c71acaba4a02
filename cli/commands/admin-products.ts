/** `cardgate admin product-create | products | product-update`: the catalog, through the center's AdminService. */
import { Option, type Command } from 'commander';
import { SalesChange, type ProductStats } from '../../gen/cardgate/v1/admin.js';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import { formatMoney, toMinorUnits } from '../money.js';
import { wholeNumber } from '../options.js';
import {
  centerOptions,
  date,
  jsonOption,
  printJson,
  printTable,
  timeWord,
  withCenter,
  type CenterFlags,
} from './admin-common.js';

const productRow = (stats: ProductStats) => {
  const p = stats.product!;
  return {
    id: p.id,
    name: p.name,
    venue: p.venue,
    starts_at: p.startsAt?.toISOString() ?? null,
    sales_close_at: (p.salesCloseAt ?? p.startsAt)?.toISOString() ?? null,
    price: p.price ? formatMoney(p.price.amountMinor, p.price.currencyCode) : '',
    capacity: p.capacity,
    sold: stats.sold,
    reserved: stats.reserved,
    remaining: p.remaining,
    admitted: stats.admitted,
    inside: stats.inside,
    on_sale: stats.onSale,
  };
};

const describe = (p: Product) =>
  `${p.id}: ${p.name} at ${p.venue}, ${p.capacity} seats, ${p.remaining} left, sales close ${timeWord(p.salesCloseAt ?? p.startsAt)}`;

export function registerProductCommands(admin: Command): void {
  centerOptions(admin.command('product-create').description('add a product to the catalog'))
    .requiredOption('--name <name>', "the event's name as buyers see it")
    .requiredOption('--venue <venue>', 'where it takes place')
    .requiredOption('--starts-at <iso>', 'event start (ISO 8601, in the future)', date('--starts-at'))
    .requiredOption('--price <amount>', 'price of one ticket, e.g. 35.00')
    .option('--currency <code>', 'ISO 4217 currency of --price', 'EUR')
    .requiredOption('--capacity <n>', 'tickets for sale', wholeNumber('--capacity', 1))
    .option('--gate <id...>', 'gates that admit it (default: every gate)')
    .option('--sales-close-at <iso>', 'end of sales (default: the start)', date('--sales-close-at'))
    .option('--admission-opens-at <iso>', 'start of admission (default: from the sale)', date('--admission-opens-at'))
    .option(
      '--admission-closes-at <iso>',
      'end of admission (default: 24 h after the start)',
      date('--admission-closes-at'),
    )
    .option('--entries <n>', 'entries per ticket', wholeNumber('--entries', 1), 1)
    .option('--allow-reentry', 'a ticket that exited may enter again without using an entry', false)
    .option('--seating <text>', 'seat or category printed on each ticket', 'General admission')
    .option('--venue-notes <text>', 'venue notes written to the card with each ticket', '')
    .option('--entry-instructions <text>', 'entry instructions written to the card with each ticket', '')
    .action(async (o) => {
      const product = await withCenter(o, (center) =>
        center.createProduct({
          name: o.name,
          venue: o.venue,
          startsAt: o.startsAt,
          price: { currencyCode: o.currency, amountMinor: toMinorUnits(o.price, o.currency) },
          capacity: o.capacity,
          gateIds: o.gate ?? [],
          salesCloseAt: o.salesCloseAt,
          admissionOpensAt: o.admissionOpensAt,
          admissionClosesAt: o.admissionClosesAt,
          entriesPerTicket: o.entries,
          allowReentry: o.allowReentry,
          seating: o.seating,
          venueNotes: o.venueNotes,
          entryInstructions: o.entryInstructions,
        }),
      );
      console.log(`created ${product.id}: ${product.name}, ${product.capacity} seats`);
    });

  jsonOption(
    centerOptions(
      admin.command('products').description('the catalog with what each product sold and admitted, by start time'),
    ),
  )
    .option('--all', 'also products whose admission closed more than a day ago')
    .action(async (o: CenterFlags & { all?: boolean; json?: boolean }) => {
      const rows = (await withCenter(o, (center) => center.listProductStats(o.all ?? false))).map(productRow);
      if (o.json) return printJson(rows);
      printTable(
        ['NAME', 'ID', 'STARTS', 'CAPACITY', 'SOLD', 'REMAINING', 'ADMITTED', 'ON SALE'],
        rows.map((p) => [
          p.name,
          p.id,
          timeWord(p.starts_at ? new Date(p.starts_at) : undefined),
          String(p.capacity),
          String(p.sold),
          String(p.remaining),
          String(p.admitted),
          p.on_sale ? 'yes' : 'no',
        ]),
        o.all ? 'no products' : 'no current or coming products (--all shows past ones)',
      );
    });

  centerOptions(
    admin
      .command('product-update')
      .description(
        'rename a product, change its venue or capacity (never below sold + reserved), close or reopen its sales',
      ),
  )
    .argument('<product-id>', 'the product to change (see `cardgate admin products`)')
    .option('--name <name>', 'a new name')
    .option('--venue <venue>', 'a new venue')
    .option('--capacity <n>', 'a new capacity; seats left change by as much', wholeNumber('--capacity', 1))
    .addOption(new Option('--close-sales', 'stop sales now (sets the end of sales to now)').conflicts('reopenSales'))
    .option('--reopen-sales', 'sell again until the start (clears the end of sales)')
    .action(
      async (
        productId: string,
        o: CenterFlags & {
          name?: string;
          venue?: string;
          capacity?: number;
          closeSales?: boolean;
          reopenSales?: boolean;
        },
      ) => {
        const sales = o.closeSales
          ? SalesChange.SALES_CHANGE_CLOSE
          : o.reopenSales
            ? SalesChange.SALES_CHANGE_REOPEN
            : SalesChange.SALES_CHANGE_UNSPECIFIED;
        const product = await withCenter(o, (center) =>
          center.updateProduct({ productId, name: o.name, venue: o.venue, capacity: o.capacity, sales }),
        );
        console.log(`updated ${describe(product)}`);
      },
    );
}
