/**
 * `cardgate card recover` against a real center (charge terminal, SQLite,
 * gRPC on port 0): the order is bought for real, then written onto the card
 * through the command. Run in-process through registerCardCommands; serial
 * because it captures console.log.
 */
import { join } from 'node:path';
import test from 'ava';
import { Command } from 'commander';
import { openFileCard } from '../../card/file-card.js';
import { registerCardCommands } from '../../cli/commands/card.js';
import { sampleTicket, tempDir } from '../helpers/card-fixtures.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack, type Stack } from '../helpers/stack.js';

/** Runs `cardgate card recover …` and returns what it printed, or rejects with the error main would print. */
async function recover(stack: Stack, args: string[]): Promise<string> {
  const program = new Command('cardgate').exitOverride();
  registerCardCommands(program);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void lines.push(parts.join(' '));
  try {
    await program.parseAsync(['card', 'recover', '--center', stack.address, '--token', stack.tokens.kiosk, ...args], {
      from: 'user',
    });
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

/** Buys `quantity` tickets issued to `cardId`; returns the order id and ticket ids. */
async function buy(stack: Stack, cardId: string, quantity = 2) {
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { quantity, cardId }));
  return { orderId: purchase!.orderId, ticketIds: purchase!.tickets.map((ticket) => ticket.ticket!.ticketId) };
}

test.serial(
  "recover writes the order's tickets onto its card, keeping the tickets already there (claim 19)",
  async (t) => {
    const stack = await startStack(t);
    const path = join(tempDir(t), 'recover.card');
    const card = await openFileCard(path);
    await card.writeImage({ formatVersion: 1, cardId: card.id, tickets: [sampleTicket(9)] });
    const { orderId, ticketIds } = await buy(stack, card.id);
    const output = await recover(stack, ['--order', orderId, '--card', `file:${path}`]);
    const ids = (await card.readImage()).tickets.map((ticket) => ticket.ticket?.ticketId);
    t.deepEqual(ids, ['TKT-0000000009', ...ticketIds]);
    for (const id of ticketIds) t.true(output.includes(id));
    // What recover wrote is what the center admits.
    const written = (await card.readImage()).tickets.find((ticket) => ticket.ticket?.ticketId === ticketIds[0])!;
    t.true((await stack.gate.redeemTicket({ gateId: 'G1', cardId: card.id, ticket: written, dryRun: true })).admitted);
  },
);

test.serial('recover twice leaves each ticket on the card once', async (t) => {
  const stack = await startStack(t);
  const path = join(tempDir(t), 'twice.card');
  const card = await openFileCard(path);
  const { orderId } = await buy(stack, card.id);
  await recover(stack, ['--order', orderId, '--card', `file:${path}`]);
  await recover(stack, ['--order', orderId, '--card', `file:${path}`]);
  t.is((await card.readImage()).tickets.length, 2);
});

test.serial('recover refuses an order issued to another card and leaves the card alone', async (t) => {
  const stack = await startStack(t);
  const path = join(tempDir(t), 'other.card');
  const card = await openFileCard(path);
  const { orderId } = await buy(stack, '04000000000001');
  const error = await t.throwsAsync(recover(stack, ['--order', orderId, '--card', `file:${path}`]));
  t.regex(error.message, /issued to card 04000000000001/);
  t.is((await card.read()).usedBytes, 0);
});

test.serial('recover of a cancelled order writes nothing', async (t) => {
  const stack = await startStack(t);
  const path = join(tempDir(t), 'cancelled.card');
  const card = await openFileCard(path);
  const { orderId } = await buy(stack, card.id);
  await stack.admin.cancelOrder({ orderId, reason: 'refund' });
  const error = await t.throwsAsync(recover(stack, ['--order', orderId, '--card', `file:${path}`]));
  t.regex(error.message, /cancelled/);
  t.is((await card.read()).usedBytes, 0);
});

test.serial('recover of an unknown order says the center has no such order', async (t) => {
  const stack = await startStack(t);
  const path = join(tempDir(t), 'unknown.card');
  const error = await t.throwsAsync(recover(stack, ['--order', 'ORD-NOPE', '--card', `file:${path}`]));
  t.regex(error.message, /no order ORD-NOPE/);
});
