/** `cardgate card show` run as a real subprocess, as scripts and the help desk run it. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';
import { openFileCard } from '../../card/file-card.js';
import { sampleImage, tempDir } from '../helpers/card-fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function cardgate(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { CARDGATE_CARD: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...inherited, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function cardWithTickets(dir: string, count: number) {
  const path = join(dir, 'show.card');
  const card = await openFileCard(path);
  await card.writeImage(sampleImage(count, card.id));
  return { path, card };
}

test('card show --json prints the card id, capacity, used bytes and every ticket', async (t) => {
  const { path, card } = await cardWithTickets(tempDir(t), 2);
  const { code, stdout } = await cardgate(['card', 'show', '--card', `file:${path}`, '--json']);
  t.is(code, 0);
  const shown = JSON.parse(stdout);
  const contents = await card.read();
  t.like(shown, { card_id: card.id, capacity: 8192, used_bytes: contents.usedBytes, copied: false });
  t.is(shown.tickets.length, 2);
  t.like(shown.tickets[1], {
    ticket_id: 'TKT-0000000002',
    product_id: 'PRD-JAZZ000001',
    name: 'Jazz Night',
    starts_at: '2026-12-01T20:00:00.000Z',
    buyer_name: 'Hanako Yamada',
    order_id: 'ORD-7K3M9Q2B01',
    venue: 'Blue Note Hall',
    seat: 'Row B, seat 2',
  });
});

test('card show takes the card from CARDGATE_CARD and prints a table', async (t) => {
  const { path, card } = await cardWithTickets(tempDir(t), 1);
  const { code, stdout } = await cardgate(['card', 'show'], { CARDGATE_CARD: `file:${path}` });
  t.is(code, 0);
  t.true(stdout.includes(card.id));
  t.true(stdout.includes('TKT-0000000001'));
  t.true(stdout.includes('Jazz Night'));
});

test('card show with a bad card spec exits 1 with a message naming the accepted forms', async (t) => {
  const { code, stderr } = await cardgate(['card', 'show', '--card', 'usb:1']);
  t.is(code, 1);
  t.regex(stderr, /^cardgate: .*file:PATH/);
});

test('card show of a card file that does not exist says so and creates no card', async (t) => {
  const path = join(tempDir(t), 'TYPO.card');
  const { code, stdout, stderr } = await cardgate(['card', 'show', '--card', `file:${path}`]);
  t.is(code, 1);
  t.regex(stderr, /There is no virtual card at .*TYPO\.card/);
  t.false(/ticket/i.test(stdout), 'no "0 tickets" a help desk would read as an empty card');
  t.false(existsSync(path), 'no blank card was created');
});

test('a forged card holding escape sequences and bidi controls is shown with them replaced, never sent to the terminal', async (t) => {
  const path = join(tempDir(t), 'forged.card');
  const card = await openFileCard(path);
  const image = sampleImage(1, card.id);
  const ticket = image.tickets[0]!;
  image.tickets[0] = {
    ...ticket,
    ticket: { ...ticket.ticket!, eventName: 'Jazz\u001b[2J\u001b]0;pwned\u0007 Night', seat: 'A\u202e1' },
    buyerIdentification: { ...ticket.buyerIdentification!, buyerName: 'Mallory\u009b31m' },
  };
  await card.writeImage(image);
  for (const args of [[], ['--json']]) {
    const { code, stdout } = await cardgate(['card', 'show', '--card', `file:${path}`, ...args]);
    t.is(code, 0);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    t.false(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(stdout), `no control character in ${stdout}`);
    t.regex(stdout, /Jazz\uFFFD\[2J\uFFFD\]0;pwned\uFFFD/);
  }
});
