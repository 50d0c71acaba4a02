/**
 * `cardgate card show` and `cardgate card recover` (SPEC §5): the help desk's
 * view of a card and the kiosk's recovery path (rewrite an order's tickets
 * onto the card after a failed write) from the command line; `card emulate`
 * lives in card-emulate.ts.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import type { Command } from 'commander';
import type { Card } from '../../card/card.js';
import { cardSummary, ticketSummary, type CardSummary } from '../../card/card-summary.js';
import { openCardReader } from '../../card/open-card-reader.js';
import { mergeTickets } from '../../card/tickets.js';
import { OrderState, type Order } from '../../gen/cardgate/v1/sales.js';
import { CenterClient } from '../../terminal/center-client.js';
import { env, requireToken, tokenOption } from '../options.js';
import { clientTls, clientTlsFlags, type ClientTlsFlags } from '../tls/transport-flags.js';
import { registerEmulateCommand } from './card-emulate.js';

const CARD_HELP = 'file:PATH, pcsc or pcsc:READER (env CARDGATE_CARD)';

function requireCardSpec(spec: string | undefined): string {
  if (!spec) throw new Error('no card: pass --card file:PATH (or pcsc) or set CARDGATE_CARD');
  return spec;
}

/** Runs `task` with the card on the reader named by `spec`, closing the reader afterwards. */
async function withCard<T>(spec: string | undefined, task: (card: Card) => Promise<T>): Promise<T> {
  // A help desk reads a new blank card as "the buyer's card is empty": show never creates one.
  const reader = await openCardReader(requireCardSpec(spec), { existing: true });
  // A real reader may be empty: say what the command is waiting for instead of hanging silently.
  const hint = setTimeout(() => process.stderr.write(`waiting for a card on ${reader.name}… (Ctrl+C to stop)\n`), 500);
  try {
    return await task(await reader.waitForCard().finally(() => clearTimeout(hint)));
  } finally {
    await reader.close();
  }
}

const cell = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
const localTime = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** A table that fits 80 columns: one line per ticket. */
function printTable(summary: CardSummary): void {
  const count = summary.tickets.length;
  console.log(
    `Card ${summary.card_id}: ${count} ticket${count === 1 ? '' : 's'}, ${summary.used_bytes} bytes used, ${summary.free_bytes} free (capacity ${summary.capacity})`,
  );
  if (summary.copied)
    console.log(
      `Warning: these tickets were written for card ${summary.image_card_id}; gates reject them on this card.`,
    );
  if (count === 0) return;
  console.log(`${cell('TICKET', 15)} ${cell('EVENT', 20)} ${cell('STARTS', 16)} ${cell('SEAT', 10)} BUYER`);
  for (const t of summary.tickets) {
    console.log(
      `${cell(t.ticket_id, 15)} ${cell(t.name, 20)} ${cell(localTime(t.starts_at), 16)} ${cell(t.seat, 10)} ${cell(t.buyer_name, 14)}`,
    );
  }
  if (summary.entries.length === 0) return;
  console.log(`Entries written by gates (${summary.entries.length}):`);
  for (const e of summary.entries) {
    const way = e.direction === 'exit' ? 'exit' : e.reentry ? 're-entry' : 'entry';
    console.log(`  ${cell(e.ticket_id, 15)} ${cell(way, 8)} gate ${cell(e.gate_id, 10)} ${localTime(e.at)}`);
  }
}

/** A sentence for the person at the terminal instead of a raw gRPC status line. */
function centerError(error: unknown, address: string, orderId: string): Error {
  const code = (error as Partial<ServiceError>).code;
  if (code === status.NOT_FOUND) return new Error(`the center has no order ${orderId}`);
  if (code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED)
    return new Error(`cannot reach the sales center at ${address}`);
  if (code === status.UNAUTHENTICATED)
    return new Error('the center refused the token: pass a valid --token or set CARDGATE_TOKEN');
  if (code === status.PERMISSION_DENIED) return new Error('this token may not read orders: use a kiosk or admin token');
  return error instanceof Error ? error : new Error(String(error));
}

/** Why an order's tickets must not go onto this card, or undefined when they may. */
function refusal(order: Order, card: Card): string | undefined {
  if (order.cardId !== card.id) {
    return `order ${order.orderId} was issued to card ${order.cardId}, not to this card ${card.id}: its tickets would not be accepted on this card. Put card ${order.cardId} on the reader.`;
  }
  if (order.state === OrderState.ORDER_STATE_CANCELLED)
    return `order ${order.orderId} was cancelled; its tickets would be rejected at the gate`;
  if (order.state !== OrderState.ORDER_STATE_ISSUED || order.tickets.length === 0)
    return `order ${order.orderId} has no issued tickets to write`;
  return undefined;
}

/** Adds `card show` and `card recover`; card errors and refusals surface as Errors whose message main prints. */
export function registerCardCommands(program: Command): void {
  const card = program
    .command('card')
    .description('IC cards: show the tickets on a card, write an order onto it again, emulate one on a virtual reader');
  registerEmulateCommand(card);

  card
    .command('show')
    .description('print the tickets on a card')
    .option('--card <spec>', CARD_HELP, env.card())
    .option('--json', 'print JSON for scripts: {card_id, capacity, used_bytes, tickets: [...]}')
    .action(async (options: { card?: string; json?: boolean }) => {
      const summary = await withCard(options.card, async (c) => cardSummary(c, await c.read()));
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      else printTable(summary);
    });

  const recover = card
    .command('recover')
    .description("fetch an order's tickets from the center and write them onto its card")
    .requiredOption('--order <id>', 'the order id, as on the receipt')
    .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
    .addOption(tokenOption('a kiosk or admin token'))
    .option('--card <spec>', CARD_HELP, env.card());
  clientTlsFlags(recover).action(
    async (options: ClientTlsFlags & { order: string; center: string; token?: string; card?: string }) => {
      const token = requireToken(options.token);
      const tls = clientTls(options);
      // Open the reader first so a bad --card fails before the center is asked; fetch the order before waiting for a card.
      const reader = await openCardReader(requireCardSpec(options.card));
      const { order, written } = await (async () => {
        const center = new CenterClient(options.center, token, { tls });
        const order = await center
          .getOrder(options.order)
          .catch((error) => Promise.reject(centerError(error, options.center, options.order)))
          .finally(() => center.close());
        const c = await reader.waitForCard();
        const why = refusal(order, c);
        if (why) throw new Error(why);
        await c.writeImage(mergeTickets(await c.readImage(), order.tickets));
        return { order, written: await c.read() };
      })().finally(() => reader.close());
      const { orderId, cardId, tickets } = order;
      const ids = new Set(tickets.map((t) => t.ticket?.ticketId));
      console.log(`wrote ${tickets.length} ticket(s) of order ${orderId} onto card ${cardId}:`);
      for (const t of written.image.tickets.map(ticketSummary).filter((s) => ids.has(s.ticket_id)))
        console.log(`  ${t.ticket_id}  ${t.name}  ${localTime(t.starts_at)}  ${t.seat}`);
      console.log(`the card now holds ${written.image.tickets.length} ticket(s), ${written.usedBytes} bytes used`);
    },
  );
}
