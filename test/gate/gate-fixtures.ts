/** A file: card holding real tickets from a real center, in the states the gate tests need. */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Card } from '../../card/card.js';
import { openCardReader } from '../../card/open-card-reader.js';
import { mergeTickets } from '../../card/tickets.js';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import type { Stack } from '../helpers/stack.js';

const HOUR = 60 * 60 * 1000;

export interface CardFixture {
  readonly spec: string;
  readonly card: Card;
  /** Every ticket written, in card order. */
  readonly tickets: CardTicket[];
}

/** Buys `quantity` tickets of a new product onto `card` (claim 3: many tickets on one card). */
export async function buyOnto(
  stack: Stack,
  card: Card,
  product: Partial<CreateProductRequest>,
  quantity = 1,
  buyer = 'Hanako Yamada',
): Promise<CardTicket[]> {
  const created = await createProduct(stack.admin, product);
  const { purchase, unavailable } = await stack.kiosk.purchaseTickets(
    purchaseRequest(created.id, { quantity, cardId: card.id, buyer: { name: buyer, email: 'buyer@example.com' } }),
  );
  if (!purchase) throw new Error(`purchase refused: ${unavailable?.message}`);
  await card.writeImage(mergeTickets(await card.readImage(), purchase.tickets));
  return purchase.tickets;
}

/** A blank file: card in the stack's temp dir. */
export async function blankCard(stack: Pick<Stack, 'dir'>, name = 'gate.card'): Promise<{ spec: string; card: Card }> {
  const spec = `file:${join(stack.dir, name)}`;
  const reader = await openCardReader(spec);
  const card = await reader.waitForCard();
  await reader.close();
  return { spec, card };
}

/**
 * The card: three tickets — "Jazz Night" already used at gate G2,
 * "Morning Rehearsal" whose admission opens in two hours, and "Rock Evening"
 * valid now — in that order, so the first usable one is the third.
 */
export async function threeTicketCard(stack: Stack): Promise<CardFixture> {
  const { spec, card } = await blankCard(stack);
  const [used] = await buyOnto(stack, card, { name: 'Jazz Night', venue: 'Blue Note Hall', seating: 'Row B' });
  const usedAnswer = await stack.gate.redeemTicket({ gateId: 'G2', cardId: card.id, ticket: used!, dryRun: false });
  if (!usedAnswer.admitted) throw new Error('fixture: the first ticket did not admit');
  const opensAt = new Date(Date.now() + 2 * HOUR);
  const [early] = await buyOnto(stack, card, {
    name: 'Morning Rehearsal',
    venue: 'Studio 4',
    startsAt: new Date(Date.now() + 3 * HOUR),
    admissionOpensAt: opensAt,
  });
  const [valid] = await buyOnto(
    stack,
    card,
    { name: 'Rock Evening', venue: 'Arena', seating: 'Standing' },
    1,
    'Taro Suzuki',
  );
  return { spec, card, tickets: [used!, early!, valid!] };
}

/** A screen's lines joined: long sentences wrap at 80 columns. */
export const flat = (frame: string) => frame.replace(/\s+/g, ' ');

/** An address nothing listens on. */
export async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${port}`;
}
