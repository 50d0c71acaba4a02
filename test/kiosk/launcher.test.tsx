/** The npm start launcher opens the kiosk on the demo card and comes back to its menu without restarting anything. */
import test, { type ExecutionContext } from 'ava';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { LAUNCHER_ENTRIES } from '../../cli/launcher/entries.js';
import { Launcher } from '../../cli/launcher/Launcher.js';
import { createProduct } from '../helpers/factories.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { startStack } from '../helpers/stack.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The launcher on a real stack and a fresh demo card, with a frame waiter and a key press. */
async function openLauncher(t: ExecutionContext) {
  const stack = await startStack(t);
  const context = {
    centerAddress: stack.address, chargeAddress: stack.chargeAddress, tokens: stack.tokens, dbPath: stack.dbPath,
    cardSpec: `file:${join(tempDir(t), 'demo.card')}`, logPath: 'demo.log',
  };
  const app = render(<Launcher context={context} entries={LAUNCHER_ENTRIES} />);
  t.teardown(() => app.unmount());
  const waitFor = async (text: string) => {
    for (let i = 0; i < 300 && !(app.lastFrame() ?? '').includes(text); i++) await pause(20);
    t.true((app.lastFrame() ?? '').includes(text), `expected "${text}" in:\n${app.lastFrame()}`);
  };
  const press = async (key: string) => {
    await pause(40);
    app.stdin.write(key);
  };
  return { stack, app, waitFor, press };
}

test('Enter opens the kiosk, Esc on its Home returns to the launcher, and it opens again', async (t) => {
  const { stack, app, waitFor, press } = await openLauncher(t);
  await createProduct(stack.admin, { name: 'Launcher Live' });

  await waitFor('Purchase kiosk');
  t.regex(app.lastFrame() ?? '', new RegExp(stack.tokens.kiosk));
  await press('\r');
  await waitFor('Esc back to the launcher');
  await press('1');
  await waitFor('Launcher Live');
  await press('\u001B');
  await waitFor('What would you like to do?');
  await press('\u001B');
  await waitFor('Cardgate demo · Launcher');
  await press('\r');
  await waitFor('Cardgate kiosk · Welcome');
});

test('the gate console opens from the launcher on the same card, and q on its waiting screen returns to the launcher', async (t) => {
  const { app, waitFor, press } = await openLauncher(t);

  await waitFor('Gate console');
  await press('\u001B[B'); // down to the gate console
  await press('\r');
  await waitFor('PRESENT A CARD');
  await waitFor('online');
  t.regex(app.lastFrame() ?? '', /Gate G1/);
  await press('q');
  await waitFor('Cardgate demo · Launcher');
});
