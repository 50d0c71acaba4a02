/** `cardgate admin …`: terminal tokens and the demo catalog straight on the database; the rest through the center's AdminService. */
import type { Command } from 'commander';
import { parseDatabase } from '../../center/config.js';
import { openDatabase } from '../../center/db/orm.js';
import { createTerminalToken, listTerminals, parseRole, revokeTerminal } from '../../center/auth/tokens.js';
import { seedDemoCatalog } from '../../center/admin/seed.js';
import { OrderState } from '../../gen/cardgate/v1/sales.js';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import { CenterClient } from '../../terminal/center-client.js';
import { formatMoney, toMinorUnits } from '../money.js';
import { dbOption, env, requireToken, tokenOption, wholeNumber } from '../options.js';
import { clientTls, clientTlsFlags, type ClientTlsFlags } from '../tls/transport-flags.js';
import { registerTlsCommands } from './admin-tls.js';

async function withDatabase<T>(
  spec: string,
  run: (em: Awaited<ReturnType<typeof openDatabase>>['em']) => Promise<T>,
): Promise<T> {
  const orm = await openDatabase(parseDatabase(spec));
  try {
    return await run(orm.em.fork());
  } finally {
    await orm.close();
  }
}

async function withCenter<T>(
  options: ClientTlsFlags & { center: string; token?: string },
  run: (center: CenterClient) => Promise<T>,
): Promise<T> {
  const center = new CenterClient(options.center, requireToken(options.token), { tls: clientTls(options) });
  try {
    return await run(center);
  } finally {
    center.close();
  }
}

const stateWord = (state: OrderState) => OrderState[state].replace('ORDER_STATE_', '').toLowerCase();

const date = (flag: string) => (value: string) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new Error(`${flag} ${value}: expected an ISO 8601 date-time such as 2026-12-01T20:00:00Z`);
  return parsed;
};

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('operator commands');
  const centerOptions = (command: Command) =>
    clientTlsFlags(
      command
        .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
        .addOption(tokenOption('an admin token')),
    );

  const token = admin.command('token').description('terminal tokens (stored hashed; shown once)');
  token
    .command('create')
    .requiredOption('--role <role>', 'kiosk, gate or admin')
    .requiredOption('--name <name>', 'a name for the terminal, e.g. kiosk-1')
    .addOption(dbOption())
    .action(async (options: { role: string; name: string; db: string }) => {
      const { token: secret, terminal } = await withDatabase(options.db, (em) =>
        createTerminalToken(em, options.name, parseRole(options.role)),
      );
      console.log(`created ${terminal.role} terminal "${terminal.name}" (${terminal.id}); its token, shown only now:`);
      console.log(secret);
    });
  token
    .command('list')
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const terminals = await withDatabase(options.db, listTerminals);
      for (const t of terminals)
        console.log(
          `${t.id}  ${t.role.padEnd(5)}  ${t.name}${t.revokedAt ? `  (revoked ${t.revokedAt.toISOString()})` : ''}`,
        );
      if (terminals.length === 0) console.log('no terminals yet');
    });
  token
    .command('revoke')
    .requiredOption('--name <name>', 'terminal name or id')
    .addOption(dbOption())
    .action(async (options: { name: string; db: string }) => {
      const terminal = await withDatabase(options.db, (em) => revokeTerminal(em, options.name));
      console.log(`revoked "${terminal.name}"`);
    });

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
      const created = await withDatabase(options.db, (em) => seedDemoCatalog(em));
      console.log(
        created.length ? `seeded ${created.length} products` : 'the catalog already has products; nothing seeded',
      );
    });

  centerOptions(admin.command('product-create').description('add a product to the catalog'))
    .requiredOption('--name <name>')
    .requiredOption('--venue <venue>')
    .requiredOption('--starts-at <iso>', 'event start', date('--starts-at'))
    .requiredOption('--price <amount>', 'e.g. 35.00')
    .option('--currency <code>', 'ISO 4217', 'EUR')
    .requiredOption('--capacity <n>', 'tickets for sale', wholeNumber('--capacity', 1))
    .option('--gate <id...>', 'gates that admit it (default: every gate)', [])
    .option('--sales-close-at <iso>', 'end of sales (default: the start)', date('--sales-close-at'))
    .option('--admission-opens-at <iso>', 'start of admission', date('--admission-opens-at'))
    .option(
      '--admission-closes-at <iso>',
      'end of admission (default: 24 h after the start)',
      date('--admission-closes-at'),
    )
    .option('--entries <n>', 'entries per ticket', wholeNumber('--entries', 1), 1)
    .option('--allow-reentry', 'a ticket that exited may enter again without using an entry', false)
    .option('--seating <text>', 'seat or category', 'General admission')
    .option('--venue-notes <text>', '', '')
    .option('--entry-instructions <text>', '', '')
    .action(async (o) => {
      const product = await withCenter(o, (center) =>
        center.createProduct({
          name: o.name,
          venue: o.venue,
          startsAt: o.startsAt,
          price: { currencyCode: o.currency, amountMinor: toMinorUnits(o.price, o.currency) },
          capacity: o.capacity,
          gateIds: o.gate,
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

  centerOptions(
    admin
      .command('cancel-order')
      .description('cancel an order: its tickets stop admitting, unused seats go back on sale, the charge is reversed'),
  )
    .argument('<order-id>')
    .option('--reason <text>', 'why', '')
    .option('--force', 'cancel and refund even if a ticket was already admitted (its seat stays sold)')
    .action(
      async (
        orderId: string,
        o: ClientTlsFlags & { center: string; token?: string; reason: string; force?: boolean },
      ) => {
        const { order, alreadyCancelled, usedTickets } = await withCenter(o, (center) =>
          center.cancelOrder({ orderId, reason: o.reason, force: o.force ?? false }),
        );
        const count = order!.tickets.length;
        const tickets = `${count} ticket${count === 1 ? '' : 's'}`;
        if (alreadyCancelled) {
          console.log(`order ${order!.orderId} was already cancelled (${tickets}); nothing changed`);
          return;
        }
        console.log(`order ${order!.orderId} is ${stateWord(order!.state)} (${tickets})`);
        if (usedTickets > 0)
          console.log(
            `${usedTickets} of them had been admitted: ${usedTickets === 1 ? 'its seat stays' : 'their seats stay'} sold`,
          );
      },
    );

  centerOptions(admin.command('orders').description('recent orders'))
    .option('--limit <n>', 'at most this many, newest first', wholeNumber('--limit', 1), 20)
    .action(async (o) => {
      for (const order of await withCenter(o, (center) => center.listOrders(o.limit))) {
        const total = order.total ? formatMoney(order.total.amountMinor, order.total.currencyCode) : '';
        console.log(
          `${order.orderId}  ${stateWord(order.state).toUpperCase().padEnd(11)}  ${order.ticketCount} tickets  ${total.padStart(10)}  ${order.buyerName}`,
        );
      }
    });

  centerOptions(
    admin
      .command('redemptions')
      .description('entries and exits, newest first (undone, off-line and conflicting ones marked)'),
  )
    .option('--product <id>', '', '')
    .option('--gate <id>', '', '')
    .option('--limit <n>', 'at most this many, newest first', wholeNumber('--limit', 1), 50)
    .action(async (o) => {
      const rows = await withCenter(o, (center) =>
        center.listRedemptions({ productId: o.product, gateId: o.gate, limit: o.limit }),
      );
      for (const r of rows) {
        const way = r.direction === Direction.DIRECTION_EXIT ? 'exit' : r.reentry ? 're-entry' : 'entry';
        const undone = r.annulledAt ? `  annulled ${r.annulledAt.toISOString()}` : '';
        // Decided by a gate off line (the time is the gate's), and one too many for its ticket.
        const marks = `${r.offline ? '  offline' : ''}${r.conflict ? '  CONFLICT' : ''}`;
        console.log(
          `${r.redeemedAt?.toISOString()}  gate ${r.gateId}  ${r.ticketId}  ${way} #${r.entryNumber}  order ${r.orderId || '-'}${undone}${marks}`,
        );
      }
      if (rows.length === 0) console.log('no redemptions');
    });
}
