/**
 * `cardgate admin …`: the database itself (`db create`, `seed`, `token …`, `audit --db`) and the
 * rest through the center's AdminService (`--center`, `--token`). Each group lives in its own file.
 */
import type { Command } from 'commander';
import { parseDatabase } from '../../center/config.js';
import { seedDemoCatalog } from '../../center/admin/seed.js';
import { dbOption, wholeNumber } from '../options.js';
import { registerTlsCommands } from './admin-tls.js';
import { centerOptions, jsonOption, localActor, printJson, withCenter, withDatabase } from './admin-common.js';
import { namesOf, newestFirst, redemptionRow, refusalRow, movementWord, reasonWord } from './admin-gate-log.js';
import { registerTokenCommands } from './admin-tokens.js';
import { registerProductCommands } from './admin-products.js';
import { registerOrderCommands } from './admin-orders.js';
import { registerExportCommand } from './admin-export.js';
import { registerAuditCommand } from './admin-audit.js';

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('operator commands');

  registerTokenCommands(admin);
  registerTlsCommands(admin);

  admin
    .command('db')
    .description('the center database')
    .command('create')
    .description(
      'create the database of --db if it does not exist (PostgreSQL; a SQLite file is made by any command) and bring its schema up to date',
    )
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const target = parseDatabase(options.db);
      let created = false;
      if (target.kind === 'postgres') {
        const { ensurePostgresDatabase } = await import('../../center/db/postgres-databases.js');
        created = (await ensurePostgresDatabase(target.url, true)).created;
      }
      await withDatabase(options.db, async () => undefined);
      const name = target.kind === 'postgres' ? new URL(target.url).pathname.slice(1) : target.path;
      console.log(`${created ? 'created' : 'found'} the database ${name}; its schema is up to date`);
    });

  admin
    .command('seed')
    .description('add the demo catalog to an empty database')
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const created = await withDatabase(options.db, (em) => seedDemoCatalog(em, new Date(), localActor()));
      console.log(
        created.length ? `seeded ${created.length} products` : 'the catalog already has products; nothing seeded',
      );
    });

  registerProductCommands(admin);
  registerOrderCommands(admin);
  registerExportCommand(admin);
  registerAuditCommand(admin);

  jsonOption(
    centerOptions(
      admin
        .command('redemptions')
        .description(
          'entries, exits and refused presentations at gates, newest first (undone, off-line and conflicting ones marked)',
        ),
    ),
  )
    .option('--product <id>', "only this product's tickets", '')
    .option('--gate <id>', 'only this gate', '')
    .option('--limit <n>', 'at most this many, newest first', wholeNumber('--limit', 1, 1000), 50)
    .option('--no-refusals', 'leave out refused presentations (the failed-scan log)')
    .action(async (o) => {
      const filters = { productId: o.product, gateId: o.gate, limit: o.limit };
      const { rows, refusals, names } = await withCenter(o, async (center) => {
        const rows = await center.listRedemptions(filters);
        const refusals = o.refusals ? await center.listRefusals(filters) : [];
        return { rows, refusals, names: await namesOf(center, rows) };
      });
      if (o.json)
        return printJson(
          newestFirst([...rows.map((r) => redemptionRow(r, names)), ...refusals.map(refusalRow)]).slice(0, o.limit),
        );
      const lines: Array<[string, string]> = [];
      for (const r of rows) {
        const way = movementWord(r);
        const undone = r.annulledAt ? `  annulled ${r.annulledAt.toISOString()}` : '';
        const who = `  ${names.event(r.productId)}  ${names.buyer(r.orderId)}`;
        // Decided by a gate off line (the time is the gate's), and one too many for its ticket.
        const marks = `${r.offline ? '  offline' : ''}${r.conflict ? '  CONFLICT' : ''}`;
        lines.push([
          r.redeemedAt?.toISOString() ?? '',
          `${r.redeemedAt?.toISOString()}  gate ${r.gateId}  ${r.ticketId}  ${way} #${r.entryNumber}  order ${r.orderId || '-'}${undone}${marks}${who}`,
        ]);
      }
      for (const f of refusals) {
        const who = `  ${f.productName || '(unknown event)'}  ${f.buyerName}`;
        lines.push([
          f.at?.toISOString() ?? '',
          `${f.at?.toISOString()}  gate ${f.gateId}  ${f.ticketId}  refused ${reasonWord(f)}${f.offline ? '  offline' : ''}${who}`,
        ]);
      }
      lines.sort((a, b) => b[0].localeCompare(a[0]));
      for (const [, line] of lines.slice(0, o.limit)) console.log(line.trimEnd());
      if (lines.length === 0) console.log('no redemptions');
    });
}
