/**
 * The whole journey on an IC card through PC/SC, every part run through the
 * real CLI in a real 80x24 terminal (tmux): `cardgate card emulate` puts the
 * buyer's card on pcscd's vpcd reader, `cardgate kiosk --card pcsc` buys two
 * tickets and writes them onto it (claims 8, 11), `cardgate gate --card pcsc`
 * reads the card the moment it is presented, shows its tickets, the center
 * admits the chosen one (claims 11, 13, 14), and taking the card off brings
 * the gate back to waiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { tempDir } from '../helpers/card-fixtures.js';
import { createProduct } from '../helpers/factories.js';
import { pcscTest } from '../helpers/pcsc.js';
import { startStack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';
import { orderTwoAndFillPayment } from '../helpers/tmux-kiosk.js';
import { childSays, withDeadline } from '../helpers/wait.js';

const CLI = join(import.meta.dirname, '../../cli/main.ts');
const cardgate = (args: string) => `${process.execPath} --import tsx ${CLI} ${args}`;

/** `cardgate card emulate --file FILE`: the card is on the reader once it says so; SIGTERM (Ctrl+C) takes it off. */
function emulate(t: ExecutionContext, file: string): Promise<{ takeOff(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'card', 'emulate', '--capacity', '2040', '--file', file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  t.teardown(() => void child.kill('SIGKILL'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const takeOff = () => {
    child.kill('SIGTERM');
    return withDeadline('card emulate to exit after SIGTERM', exited, 10_000);
  };
  return childSays('cardgate card emulate', child, /is on/).then(() => ({ takeOff }));
}

pcscTest(
  'claims 8, 11, 13: bought at `cardgate kiosk --card pcsc`, written to the IC card, read by `cardgate gate --card pcsc` as soon as presented and admitted',
  async (t) => {
    const stack = await startStack(t);
    await createProduct(stack.admin, { name: 'Reader Night', venue: 'Blue Note', capacity: 40 });
    const dir = tempDir(t);
    const file = join(dir, 'buyer.card');

    const kiosk = startTmux(
      t,
      [
        'sh',
        '-c',
        `${cardgate(`kiosk --center ${stack.address} --card pcsc --unlocked`)}; echo "kiosk exited with status $?"`,
      ],
      { CARDGATE_TOKEN: stack.tokens.kiosk },
    );
    await kiosk.waitFor('What would you like to do?', 30_000);
    await kiosk.press('Enter');
    await kiosk.waitFor(/› Reader Night/);
    await kiosk.press('Enter');
    await kiosk.waitFor('Put your IC card on the reader.');
    let card = await emulate(t, file);
    t.regex(await kiosk.waitFor('Tickets: ◀ 1 ▶'), /room for 24 more on your IC card/);
    await orderTwoAndFillPayment(kiosk, 'Sakura Tanaka');
    await kiosk.press('Enter');
    const written = await kiosk.waitFor('read back', 30_000);
    t.is(written.match(/★ Reader Night/g)?.length, 2);
    t.notRegex(written, /4242 4242|4242424242424242/, 'the full card number is never on screen');
    // The buyer takes the card and leaves the kiosk.
    await card.takeOff();
    await kiosk.press('C-c');
    t.regex(
      await kiosk.waitFor('kiosk exited with status'),
      /kiosk exited with status 0/,
      'Ctrl+C closes the pcsc reader and the kiosk exits',
    );

    const gate = startTmux(
      t,
      [
        'sh',
        '-c',
        `${cardgate(`gate --center ${stack.address} --card pcsc --gate-id G1 --journal ${join(dir, 'gate.journal')}`)}; echo "gate exited with status $?"`,
      ],
      { CARDGATE_TOKEN: stack.tokens.gate },
    );
    t.regex(await gate.waitFor('PRESENT A CARD', 30_000), /Put the card on the reader\./);
    card = await emulate(t, file);
    // No key pressed: the reader noticed the card.
    const menu = await gate.waitFor('Choose a ticket');
    t.is(menu.match(/Reader Night[^\n]*\n\s+Sakura Tanaka\s+✔ Valid here/g)?.length, 2, menu);
    await gate.press('Enter');
    t.regex(await gate.waitFor('ADMIT — Sakura Tanaka'), /✔ 1 admitted · ✖ 0 rejected/);
    const redemptions = await stack.admin.listRedemptions({ gateId: 'G1' });
    t.is(redemptions.length, 1, 'the center recorded one admission at G1');

    await card.takeOff();
    t.regex(await gate.waitFor('Put the card on the reader.'), /PRESENT A CARD/);
    await gate.press('q');
    t.regex(await gate.waitFor('gate exited with status'), /gate exited with status 0/);
  },
);
