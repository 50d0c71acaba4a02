/**
 * An unattended kiosk cannot be left by a buyer (tmux, the real CLI): `cardgate kiosk` is locked, so
 * Ctrl+C, Ctrl+Z, Ctrl+\ and Esc on Home leave nothing but the kiosk on screen; staff press Ctrl+X three
 * times and type an admin token, which the center must confirm; `--unlocked` quits on Ctrl+C.
 */
import test from 'ava';
import { join } from 'node:path';
import { tempDir } from '../helpers/card-fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';
import { waitUntil } from '../helpers/wait.js';
import type { ExecutionContext } from 'ava';

const CLI = join(import.meta.dirname, '../../cli/main.ts');

function kioskIn(t: ExecutionContext, stack: Stack, ...flags: string[]) {
  return startTmux(t, [process.execPath, '--import', 'tsx', CLI, 'kiosk', '--center', stack.address, ...flags], {
    CARDGATE_TOKEN: stack.tokens.kiosk,
    CARDGATE_CARD: `file:${join(tempDir(t), 'k.card')}`,
  });
}

test('a buyer cannot leave the locked kiosk; staff leave with Ctrl+X three times and an admin token', async (t) => {
  const stack = await startStack(t);
  const kiosk = kioskIn(t, stack);
  const home = await kiosk.waitFor('What would you like to do?', 30_000);
  await kiosk.listening();
  t.notRegex(home, /Ctrl\+C quit/, 'no screen offers a way out');

  for (const key of ['C-c', 'C-z', 'C-\\', 'Escape']) await kiosk.press(key);
  await kiosk.press('1');
  await kiosk.waitFor('step 1 of 5');
  t.false(kiosk.exited(), 'still running after Ctrl+C, Ctrl+Z, Ctrl+\\ and Esc');
  await kiosk.press('Escape');
  await kiosk.waitFor('What would you like to do?');

  await kiosk.burst('C-x', 'C-x', 'C-x');
  await kiosk.waitFor('Staff: close the kiosk');
  await kiosk.type(stack.tokens.kiosk);
  await kiosk.press('Enter');
  const refused = await kiosk.waitFor('This is not an admin token');
  t.false(refused.includes(stack.tokens.kiosk.slice(-12)), 'the token typed is never shown');
  t.false(kiosk.exited());

  await kiosk.type(stack.tokens.admin);
  await kiosk.press('Enter');
  await waitUntil('the kiosk to exit', () => kiosk.exited(), { timeoutMs: 10_000, seen: kiosk.screen });
  t.pass();
});

test('Esc on the staff screen goes back to a fresh Home', async (t) => {
  const stack = await startStack(t);
  const kiosk = kioskIn(t, stack);
  await kiosk.waitFor('What would you like to do?', 30_000);
  await kiosk.listening();
  await kiosk.press('1');
  await kiosk.waitFor('step 1 of 5');
  await kiosk.burst('C-x', 'C-x', 'C-x');
  await kiosk.waitFor('Staff: close the kiosk');
  await kiosk.press('Escape');
  await kiosk.waitFor('What would you like to do?');
  t.false(kiosk.exited());
});

test('cardgate kiosk --unlocked quits on Ctrl+C, for development', async (t) => {
  const stack = await startStack(t);
  const kiosk = kioskIn(t, stack, '--unlocked');
  t.regex(await kiosk.waitFor('What would you like to do?', 30_000), /Ctrl\+C quit/);
  await kiosk.listening();
  await kiosk.press('C-c');
  await waitUntil('the kiosk to exit', () => kiosk.exited(), { timeoutMs: 10_000, seen: kiosk.screen });
  t.pass();
});
