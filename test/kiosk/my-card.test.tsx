/** My card: the tickets on the card with their state from the center, and clearing used ones off (SPEC §4; claims 3, 13). */
import test from 'ava';
import { mergeTickets, openCardReader } from '../../card/index.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { kioskOnStack } from './kiosk-harness.js';

test('the card’s tickets show as valid or used; c clears the used one off the card', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  t.teardown(() => reader.close());
  const card = await reader.waitForCard();
  const keep = await createProduct(stack.admin, { name: 'Keep Me' });
  const spent = await createProduct(stack.admin, { name: 'Spent Show' });
  const bought = [];
  for (const product of [keep, spent]) {
    const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: card.id }));
    bought.push(...purchase!.tickets);
  }
  await card.writeImage(mergeTickets(await card.readImage(), bought));
  const used = bought.find((ticket) => ticket.ticket?.eventName === 'Spent Show')!;
  t.true((await stack.gate.redeemTicket({ gateId: 'G1', cardId: card.id, ticket: used, dryRun: false })).admitted);

  await kiosk.press('2');
  const frame = await kiosk.waitFor(/Spent Show.*used/);
  t.regex(frame, /Keep Me.*valid/);
  t.regex(frame, /2 tickets/);
  await kiosk.press('c');
  await kiosk.waitFor('Cleared 1 ticket');
  const left = (await (await reader.waitForCard()).readImage()).tickets;
  t.deepEqual(
    left.map((ticket) => ticket.ticket?.eventName),
    ['Keep Me'],
  );
  await kiosk.press(KEY.enter);
  const reread = await kiosk.waitFor(/IC card \w+: 1 ticket,/);
  t.notRegex(reread, /Spent Show/);
});

test('with the center unreachable, My card still lists the tickets and says their state is unknown', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  const reader = await openCardReader(`file:${kiosk.cardPath}`);
  t.teardown(() => reader.close());
  const card = await reader.waitForCard();
  const product = await createProduct(stack.admin, { name: 'Offline Show' });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: card.id }));
  await card.writeImage(mergeTickets(await card.readImage(), purchase!.tickets));
  await stack.center.stop();
  await kiosk.press('2');
  const frame = await kiosk.waitFor('Ticket states are unknown');
  t.regex(frame, /Offline Show/);
  t.regex(frame, /not answering/);
  t.notRegex(frame, /Error:|at .*\.ts/);
});
