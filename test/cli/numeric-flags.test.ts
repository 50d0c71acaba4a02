/**
 * Every numeric flag is checked where commander parses it, with a message naming the flag, so that a
 * mistyped number never reaches the wire as "13 INTERNAL: Request message serialization failure" or is
 * stored as something else (`--entries 0` used to become 1).
 */
import test from 'ava';
import { runCardgate } from '../helpers/cli.js';
import { startStack } from '../helpers/stack.js';

const PRODUCT = ['--name', 'Jazz', '--venue', 'Hall', '--starts-at', '2030-01-01T20:00:00Z', '--price', '35.00'];

const refusals: ReadonlyArray<readonly [string[], RegExp]> = [
  [
    ['admin', 'product-create', ...PRODUCT, '--capacity', 'abc'],
    /--capacity must be a whole number of at least 1, not "abc"/,
  ],
  [
    ['admin', 'product-create', ...PRODUCT, '--capacity', '2.5'],
    /--capacity must be a whole number of at least 1, not "2\.5"/,
  ],
  [
    ['admin', 'product-create', ...PRODUCT, '--capacity', '99999999999'],
    /--capacity must be a whole number of at most 2147483647/,
  ],
  [
    ['admin', 'product-create', ...PRODUCT, '--capacity', '10', '--entries', '0'],
    /--entries must be a whole number of at least 1, not "0"/,
  ],
  [['admin', 'orders', '--limit', 'x'], /--limit must be a whole number of at least 1, not "x"/],
  [['admin', 'redemptions', '--limit', '-3'], /--limit must be a whole number of at least 1, not "-3"/],
  [['kiosk', '--card', 'file:/nonexistent/k.card', '--idle-seconds', 'soon'], /--idle-seconds must be a whole number/],
  [['charge', '--latency-ms', '1.5'], /--latency-ms must be a whole number of at least 0, not "1\.5"/],
  [['center', '--charge-deadline-ms', 'fast'], /--charge-deadline-ms must be a whole number of at least 1/],
  [['card', 'emulate', '--port', '70000'], /--port must be a whole number of at most 65535/],
];

for (const [args, message] of refusals) {
  test(`cardgate ${args[0]} … ${args.slice(-2).join(' ')} is refused, naming the flag`, async (t) => {
    // No center is needed: without the check these reach the wire (or a default) instead of this message.
    const { code, output } = await runCardgate(args, { CARDGATE_CENTER: '127.0.0.1:1', CARDGATE_TOKEN: 'cg_admin_x' });
    t.is(code, 1, output);
    t.regex(output, message);
    t.notRegex(output, /INTERNAL|serialization/);
  });
}

test('a good --entries reaches the center as given', async (t) => {
  const stack = await startStack(t);
  const { code, output } = await runCardgate(
    ['admin', 'product-create', ...PRODUCT, '--capacity', '7', '--entries', '3'],
    { CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin },
  );
  t.is(code, 0, output);
  const [product] = await stack.admin.listProducts();
  t.is(product!.capacity, 7);
  t.is(product!.entriesPerTicket, 3);
});
