/** `cardgate admin orders`: a header, date, event, state with its reason, and filters done by the center (issue 18). */
import test from 'ava';
import { CARDS, cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { runCardgate } from '../helpers/cli.js';
import { startStack, type Stack } from '../helpers/stack.js';

const envOf = (stack: Stack) => ({ CARDGATE_CENTER: stack.address, CARDGATE_TOKEN: stack.tokens.admin });

async function night(stack: Stack) {
  const jazz = await createProduct(stack.admin, { name: 'Jazz Night' });
  const opera = await createProduct(stack.admin, { name: 'Opera Gala' });
  const buy = (productId: string, name: string, email: string, card: number, cardNumber: string = CARDS.approved) =>
    stack.kiosk.purchaseTickets(
      purchaseRequest(productId, { buyer: { name, email }, cardId: cardUid(card), cardNumber }),
    );
  const hanako = await buy(jazz.id, 'Hanako Yamada', 'hanako@example.com', 1);
  const taro = await buy(opera.id, 'Taro Suzuki', 'taro@example.com', 2);
  await buy(jazz.id, 'Kenji Yamaguchi', 'kenji@example.com', 3, CARDS.declined);
  await stack.admin.cancelOrder({ orderId: taro.purchase!.orderId, reason: 'double booking' });
  return { jazz, opera, hanako: hanako.purchase!.orderId, taro: taro.purchase!.orderId };
}

const orders = async (stack: Stack, ...flags: string[]) => {
  const run = await runCardgate(['admin', 'orders', '--json', ...flags], envOf(stack));
  if (run.code !== 0) throw new Error(run.output);
  return (JSON.parse(run.output) as Array<Record<string, unknown>>).map((row) => row.buyer_name);
};

test('admin orders shows a header, when, the event, the state with its reason and the buyer', async (t) => {
  const stack = await startStack(t);
  const { hanako } = await night(stack);
  const run = await runCardgate(['admin', 'orders'], envOf(stack));
  t.is(run.code, 0, run.output);
  const [header, ...lines] = run.output.trim().split('\n');
  t.regex(header!, /^ORDERED\s+ORDER\s+EVENT\s+TICKETS\s+TOTAL\s+STATE\s+BUYER$/);
  t.is(lines.length, 3);
  t.regex(
    lines.find((l) => l.includes('Kenji'))!,
    /Jazz Night\s+0\s+.+unavailable: PAYMENT_DECLINED\s+Kenji Yamaguchi$/,
  );
  t.regex(
    lines.find((l) => l.includes('Taro'))!,
    /Opera Gala\s+1\s+.+cancelled: double booking\s+Taro Suzuki$/,
  );
  t.regex(
    lines.find((l) => l.includes('Hanako'))!,
    new RegExp(
      `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\s+${hanako}\\s+Jazz Night\\s+1\\s+.+issued\\s+Hanako Yamada$`,
    ),
  );
});

test('admin orders filters by product, part of the buyer name, e-mail, card and state', async (t) => {
  const stack = await startStack(t);
  const { jazz, opera } = await night(stack);
  t.deepEqual((await orders(stack, '--product', jazz.id)).sort(), ['Hanako Yamada', 'Kenji Yamaguchi']);
  t.deepEqual(await orders(stack, '--product', opera.id), ['Taro Suzuki']);
  t.deepEqual((await orders(stack, '--buyer', 'yama')).sort(), ['Hanako Yamada', 'Kenji Yamaguchi']);
  t.deepEqual(await orders(stack, '--buyer', '100%'), []);
  t.deepEqual(await orders(stack, '--email', 'TARO@example.com'), ['Taro Suzuki']);
  t.deepEqual(await orders(stack, '--card', cardUid(3).toLowerCase()), ['Kenji Yamaguchi']);
  t.deepEqual(await orders(stack, '--state', 'cancelled'), ['Taro Suzuki']);
  t.deepEqual(await orders(stack, '--state', 'unavailable', '--product', jazz.id), ['Kenji Yamaguchi']);
});

test('admin orders refuses a bad --state and an over-long --buyer by name', async (t) => {
  const stack = await startStack(t);
  const state = await runCardgate(['admin', 'orders', '--state', 'paid'], envOf(stack));
  t.is(state.code, 1);
  t.regex(state.output, /--state must be one of pending, issued, unavailable, cancelled/);
  const long = await runCardgate(['admin', 'orders', '--buyer', 'x'.repeat(81)], envOf(stack));
  t.is(long.code, 1);
  t.regex(long.output, /INVALID_ARGUMENT.*buyer_name must be at most 80 characters/);
});
