/** `cardgate admin export --format csv`: RFC 4180 CSV that a CSV parser reads back exactly, awkward names included (issue 18). */
import test from 'ava';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { runCardgate } from '../helpers/cli.js';
import { startStack } from '../helpers/stack.js';

const AWKWARD = ['Yamada, Hanako', 'Dwayne "The Rock" Johnson', "O'Brien; Seán", 'Ana "Ani", Jr.'];

test('orders export round-trips buyer names with commas, quotes and semicolons', async (t) => {
  const stack = await startStack(t);
  const env = { CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin };
  const product = await createProduct(stack.admin, { name: 'Jazz Night, "late" set' });
  for (const [i, name] of AWKWARD.entries())
    await stack.kiosk.purchaseTickets(
      purchaseRequest(product.id, { buyer: { name, email: `b${i}@example.com` }, cardId: cardUid(i) }),
    );
  const out = join(mkdtempSync(join(tmpdir(), 'cardgate-export-')), 'orders.csv');

  const run = await runCardgate(['admin', 'export', '--format', 'csv', '--what', 'orders', '--out', out], env);
  t.is(run.code, 0, run.output);
  const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  t.deepEqual(rows.map((row) => row.buyer_name).sort(), [...AWKWARD].sort());
  t.true(rows.every((row) => row.event === 'Jazz Night, "late" set' && row.state === 'issued'));
  t.deepEqual(Object.keys(rows[0]!).slice(0, 3), ['ordered_at', 'order_id', 'event']);
});

test('redemptions export to standard output holds the entry with its buyer', async (t) => {
  const stack = await startStack(t);
  const env = { CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin };
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(
    purchaseRequest(product.id, { buyer: { name: 'Yamada, "Hanako"', email: 'h@example.com' } }),
  );
  await stack.gate.redeemTicket({
    gateId: 'G1',
    cardId: '04A1B2C3D4E5F6',
    ticket: purchase!.tickets[0]!,
    dryRun: false,
  });

  const run = await runCardgate(['admin', 'export', '--format', 'csv', '--what', 'redemptions'], env);
  t.is(run.code, 0, run.output);
  const rows = parse(run.output, { columns: true }) as Array<Record<string, string>>;
  t.like(rows, [{ kind: 'entry', gate_id: 'G1', buyer_name: 'Yamada, "Hanako"', entry_number: '1' }]);
});

test('an export with an unknown format or subject is refused before it calls the center', async (t) => {
  const format = await runCardgate(['admin', 'export', '--format', 'xlsx', '--what', 'orders']);
  t.is(format.code, 1);
  t.regex(format.output, /--format.*Allowed choices are csv/);
  const what = await runCardgate(['admin', 'export', '--format', 'csv', '--what', 'tickets']);
  t.is(what.code, 1);
  t.regex(what.output, /--what.*Allowed choices are orders, redemptions/);
});
