/** `cardgate admin redemptions` as an operator runs it: off-line movements and conflicts are marked (SPEC §9). */
import test from 'ava';
import { runCardgate } from '../helpers/cli.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { offlineEntry, syncOffline } from './offline-calls.js';

const CARD = cardUid(21);

test('admin redemptions marks an uploaded off-line admission "offline" and one too many "CONFLICT"', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  const ticket = purchase!.tickets[0]!;
  const decidedAt = new Date('2026-12-01T18:30:00.000Z');
  await syncOffline(stack.gate, { gateId: 'North', admissions: [offlineEntry(ticket, CARD, decidedAt)] });
  await syncOffline(stack.gate, {
    gateId: 'South',
    admissions: [offlineEntry(ticket, CARD, new Date(decidedAt.getTime() + 60_000))],
  });
  await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket: structuredClone(ticket), dryRun: false });

  const { code, output } = await runCardgate(['admin', 'redemptions', '--product', product.id], {
    CARDGATE_CENTER: stack.address,
    CARDGATE_TOKEN: stack.tokens.admin,
  });
  t.is(code, 0, output);
  const lines = output.trim().split('\n');
  t.is(lines.length, 2, output);
  t.regex(lines[0]!, /^2026-12-01T18:31:00\.000Z {2}gate South .* entry #2 .* {2}offline {2}CONFLICT$/);
  t.regex(lines[1]!, /^2026-12-01T18:30:00\.000Z {2}gate North .* entry #1 .* {2}offline$/);
});
