/** `cardgate admin redemptions` shows refusals too, the failed-scan log, with event and buyer names (issue 18). */
import test from 'ava';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { runCardgate } from '../helpers/cli.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const CARD = '04A1B2C3D4E5F6';

test('admin redemptions lists the entry and the refused second scan with event and buyer; --json and --no-refusals', async (t) => {
  const stack = await startStack(t);
  const env = { CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin };
  const product = await createProduct(stack.admin, { name: 'Jazz Night' });
  const { purchase } = await stack.kiosk.purchaseTickets(
    purchaseRequest(product.id, { buyer: { name: 'Hanako Yamada', email: 'h@example.com' } }),
  );
  const ticket = purchase!.tickets[0]!;
  const ticketId = ticket.ticket!.ticketId;
  t.true((await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: false })).admitted);
  t.false((await stack.gate.redeemTicket({ gateId: 'G2', cardId: CARD, ticket, dryRun: false })).admitted);
  // The refusal is logged in the background, after the gate had its answer.
  await waitUntil('the refusal in ListRefusals', async () => (await stack.admin.listRefusals()).length === 1);

  const text = await runCardgate(['admin', 'redemptions'], env);
  t.is(text.code, 0, text.output);
  const lines = text.output.trim().split('\n');
  t.is(lines.length, 2, text.output);
  t.regex(lines[0]!, new RegExp(`gate G2  ${ticketId}  refused ALREADY_USED  Jazz Night  Hanako Yamada$`));
  t.regex(
    lines[1]!,
    new RegExp(`gate G1  ${ticketId}  entry #1  order ${purchase!.orderId}  Jazz Night  Hanako Yamada$`),
  );

  const json = await runCardgate(['admin', 'redemptions', '--json'], env);
  t.is(json.code, 0, json.output);
  t.like(JSON.parse(json.output), [
    {
      kind: 'refused',
      gate_id: 'G2',
      ticket_id: ticketId,
      reason: 'ALREADY_USED',
      event: 'Jazz Night',
      buyer_name: 'Hanako Yamada',
    },
    {
      kind: 'entry',
      gate_id: 'G1',
      ticket_id: ticketId,
      entry_number: 1,
      event: 'Jazz Night',
      buyer_name: 'Hanako Yamada',
    },
  ]);

  const entriesOnly = await runCardgate(['admin', 'redemptions', '--no-refusals'], env);
  t.is(entriesOnly.output.trim().split('\n').length, 1, entriesOnly.output);
});
