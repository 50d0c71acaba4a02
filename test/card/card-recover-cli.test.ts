/**
 * `cardgate card recover` against a stand-in SalesService (only GetOrder), run
 * in-process through registerCardCommands. Serial: it captures console.log.
 */
import { join } from 'node:path';
import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import test, { type ExecutionContext } from 'ava';
import { Command } from 'commander';
import { OrderState, SalesServiceService, type Order, type SalesServiceServer } from '../../gen/cardgate/v1/sales.js';
import { openFileCard } from '../../card/file-card.js';
import { registerCardCommands } from '../../cli/commands/card.js';
import { sampleImage, sampleTicket, tempDir } from '../helpers/card-fixtures.js';

/** A center that knows exactly `orders`; returns its address. */
async function fakeCenter(t: ExecutionContext, orders: Order[]): Promise<string> {
  const server = new Server();
  const sales: SalesServiceServer = {
    purchaseTickets: (_call, callback) => callback({ code: status.UNIMPLEMENTED, details: 'not in this fake' }),
    getOrder: (call, callback) => {
      const order = orders.find((o) => o.orderId === call.request.orderId);
      if (order) callback(null, { order });
      else callback({ code: status.NOT_FOUND, details: 'no such order' });
    },
  };
  server.addService(SalesServiceService, sales);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  t.teardown(() => server.forceShutdown());
  return `127.0.0.1:${port}`;
}

const order = (cardId: string, overrides: Partial<Order> = {}): Order => ({
  orderId: 'ORD-7K3M9Q2B01',
  state: OrderState.ORDER_STATE_ISSUED,
  cardId,
  buyerIdentification: sampleTicket(1).buyerIdentification,
  tickets: [sampleTicket(1), sampleTicket(2)],
  total: { currencyCode: 'EUR', amountMinor: 7000 },
  cardBrand: 'visa',
  cardLast4: '4242',
  cancelledAt: undefined,
  ...overrides,
});

/** Runs `cardgate card recover …` and returns what it printed, or rejects with the error main would print. */
async function recover(args: string[]): Promise<string> {
  const program = new Command('cardgate').exitOverride();
  registerCardCommands(program);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void lines.push(parts.join(' '));
  try {
    await program.parseAsync(['card', 'recover', '--token', 'test-token', ...args], { from: 'user' });
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

test.serial('recover writes the order\'s tickets onto its card, keeping the tickets already there', async (t) => {
  const path = join(tempDir(t), 'recover.card');
  const card = await openFileCard(path);
  await card.writeImage({ ...sampleImage(1, card.id), tickets: [sampleTicket(9)] });
  const center = await fakeCenter(t, [order(card.id)]);
  const output = await recover(['--center', center, '--order', 'ORD-7K3M9Q2B01', '--card', `file:${path}`]);
  const ids = (await card.readImage()).tickets.map((ticket) => ticket.ticket?.ticketId);
  t.deepEqual(ids, ['TKT-0000000009', 'TKT-0000000001', 'TKT-0000000002']);
  t.true(output.includes('TKT-0000000001') && output.includes('TKT-0000000002'));
});

test.serial('recover twice leaves each ticket on the card once', async (t) => {
  const path = join(tempDir(t), 'twice.card');
  const card = await openFileCard(path);
  const center = await fakeCenter(t, [order(card.id)]);
  const args = ['--center', center, '--order', 'ORD-7K3M9Q2B01', '--card', `file:${path}`];
  await recover(args);
  await recover(args);
  t.is((await card.readImage()).tickets.length, 2);
});

test.serial('recover refuses an order issued to another card and leaves the card alone', async (t) => {
  const path = join(tempDir(t), 'other.card');
  const card = await openFileCard(path);
  const center = await fakeCenter(t, [order('04000000000001')]);
  const error = await t.throwsAsync(recover(['--center', center, '--order', 'ORD-7K3M9Q2B01', '--card', `file:${path}`]));
  t.regex(error.message, /issued to card 04000000000001/);
  t.is((await card.read()).usedBytes, 0);
});

test.serial('recover of a cancelled order writes nothing', async (t) => {
  const path = join(tempDir(t), 'cancelled.card');
  const card = await openFileCard(path);
  const center = await fakeCenter(t, [order(card.id, { state: OrderState.ORDER_STATE_CANCELLED })]);
  const error = await t.throwsAsync(recover(['--center', center, '--order', 'ORD-7K3M9Q2B01', '--card', `file:${path}`]));
  t.regex(error.message, /cancelled/);
  t.is((await card.read()).usedBytes, 0);
});

test.serial('recover of an unknown order says the center has no such order', async (t) => {
  const path = join(tempDir(t), 'unknown.card');
  const center = await fakeCenter(t, []);
  const error = await t.throwsAsync(recover(['--center', center, '--order', 'ORD-NOPE', '--card', `file:${path}`]));
  t.regex(error.message, /no order ORD-NOPE/);
});
