/**
 * End to end in a real 80x24 terminal (tmux, CI=false): `cardgate kiosk`
 * started through the real CLI buys two tickets onto a virtual card file;
 * the card layer then decodes the file and finds both tickets with the
 * buyer's name (SPEC §2 steps 1-6; claims 12, 13, 26).
 */
import test from 'ava';
import { join } from 'node:path';
import { openCardReader } from '../../card/index.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { createProduct } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';
import { orderTwoAndFillPayment } from '../helpers/tmux-kiosk.js';

const CLI = join(import.meta.dirname, '../../cli/main.ts');

test('a buyer buys two tickets onto a file: card through the real kiosk in tmux', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { name: 'Tmux Jazz', venue: 'Blue Note', capacity: 40 });
  const cardPath = join(tempDir(t), 'buyer.card');
  const kiosk = startTmux(t, [
    process.execPath,
    '--import',
    'tsx',
    CLI,
    'kiosk',
    '--center',
    stack.address,
    '--card',
    `file:${cardPath}`,
    '--token',
    stack.tokens.kiosk,
  ]);

  const home = await kiosk.waitFor('What would you like to do?', 30_000);
  t.regex(home, /Buy tickets/);
  await kiosk.press('Enter');
  await kiosk.waitFor(/› Tmux Jazz .* 40/);
  await kiosk.press('Enter');
  await kiosk.waitFor('Tickets: ◀ 1 ▶');
  const review = await orderTwoAndFillPayment(kiosk, 'Sakura Tanaka');
  t.regex(review, /Total\s+€50\.00/);
  t.notRegex(review, /4242 4242/);
  await kiosk.press('Enter');
  const done = await kiosk.waitFor('read back', 30_000);
  t.is(done.match(/★ Tmux Jazz/g)?.length, 2);
  const lines = done.trimEnd().split('\n');
  t.true(lines.length <= 24 && lines.every((line) => line.length <= 80));

  const reader = await openCardReader(`file:${cardPath}`);
  t.teardown(() => reader.close());
  const image = await (await reader.waitForCard()).readImage();
  const mine = image.tickets.filter((ticket) => ticket.ticket?.productId === product.id);
  t.is(mine.length, 2);
  t.true(mine.every((ticket) => ticket.buyerIdentification?.buyerName === 'Sakura Tanaka'));
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 38);
});
