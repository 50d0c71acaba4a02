/** The center on PostgreSQL: purchase, redemption and the admin command line work as on SQLite. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { RedemptionEntity } from '../../center/admission/redemption.entity.js';
import { CenterClient } from '../../terminal/center-client.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { postgresTest } from '../helpers/postgres.js';
import { startStack } from '../helpers/stack.js';

const CARD = '04A1B2C3D4E5F6';
const onPostgres = (url: string) => ({ center: { database: { kind: 'postgres' as const, url } } });

postgresTest(
  'on PostgreSQL a purchase issues signed tickets, one admits once, and a sold-out product says SOLD_OUT',
  async (t, url) => {
    const stack = await startStack(t, onPostgres(url));
    const product = await createProduct(stack.admin, { capacity: 2 });
    const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity: 2, cardId: CARD }));
    t.is(purchase?.tickets.length, 2);
    t.is((await stack.kiosk.getProduct(product.id)).remaining, 0);
    const soldOut = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
    t.is(soldOut.unavailable?.reason, UnavailabilityReason.UNAVAILABILITY_REASON_SOLD_OUT);

    const ticket = purchase!.tickets[0]!;
    const redeem = (gateId: string) => stack.gate.redeemTicket({ gateId, cardId: CARD, ticket, dryRun: false });
    t.true((await redeem('North')).admitted);
    const again = await redeem('South');
    t.is(again.reason, RejectReason.REJECT_REASON_ALREADY_USED);
    t.is(again.firstUsedGate, 'North');
    const copied = await stack.gate.redeemTicket({
      gateId: 'North',
      cardId: '04FFFFFFFFFFFF',
      ticket: purchase!.tickets[1]!,
      dryRun: false,
    });
    t.is(copied.reason, RejectReason.REJECT_REASON_WRONG_CARD);
    t.is((await stack.admin.listRedemptions()).length, 1);
  },
);

postgresTest(
  'on PostgreSQL 100 concurrent buyers for 20 seats and 4 concurrent gates per ticket: 20 sold, one admit each',
  async (t, url) => {
    const stack = await startStack(t, onPostgres(url));
    const product = await createProduct(stack.admin, { capacity: 20 });
    const kiosks = Array.from({ length: 4 }, () => stack.client(stack.tokens.kiosk));
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        kiosks[i % 4]!.purchaseTickets(purchaseRequest(product.id, { cardId: CARD })),
      ),
    );
    const tickets = responses.flatMap((r) => r.purchase?.tickets ?? []);
    t.is(tickets.length, 20);
    t.is((await stack.kiosk.getProduct(product.id)).remaining, 0);

    const gates = Array.from({ length: 4 }, () => stack.client(stack.tokens.gate));
    const results = await Promise.all(
      tickets.flatMap((ticket) =>
        gates.map((gate, g) => gate.redeemTicket({ gateId: `G${g}`, cardId: CARD, ticket, dryRun: false })),
      ),
    );
    t.is(results.filter((r) => r.admitted).length, 20);
    const recorded = await stack.center.orm.em.fork().find(RedemptionEntity, { productId: product.id });
    t.is(new Set(recorded.map((r) => r.ticketId)).size, 20, 'one recorded entry per ticket');
    t.is(recorded.length, 20);
  },
);

postgresTest(
  'admin token create --db postgres:// creates the schema and a token the center accepts',
  async (t, url) => {
    const cli = join(import.meta.dirname, '../../cli/main.ts');
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      cli,
      'admin',
      'token',
      'create',
      '--db',
      url,
      '--role',
      'gate',
      '--name',
      'gate-9',
    ]);
    const token = stdout.trim().split('\n').at(-1)!;
    const stack = await startStack(t, onPostgres(url));
    const client = stack.client(token);
    t.is((await client.whoAmI()).terminalName, 'gate-9');
    t.true(client instanceof CenterClient);
  },
);
