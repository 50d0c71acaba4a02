/** The npm start launcher opens the kiosk on the demo card and comes back to its menu without restarting anything. */
import test, { type ExecutionContext } from 'ava';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { render } from 'ink-testing-library';
import { LAUNCHER_ENTRIES } from '../../cli/launcher/entries.js';
import { Launcher } from '../../cli/launcher/Launcher.js';
import { createProduct } from '../helpers/factories.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { startStack } from '../helpers/stack.js';
import { driveInk, KEY } from '../helpers/ink.js';

/** The launcher on a real stack and a fresh demo card, driven through helpers/ink.ts. */
async function openLauncher(t: ExecutionContext) {
  const stack = await startStack(t);
  const context = {
    centerAddress: stack.address,
    chargeAddress: stack.chargeAddress,
    tokens: stack.tokens,
    dbPath: stack.dbPath,
    cardSpec: `file:${join(tempDir(t), 'demo.card')}`,
    logPath: 'demo.log',
  };
  const app = render(<Launcher context={context} entries={LAUNCHER_ENTRIES} />);
  t.teardown(() => app.unmount());
  return { stack, ...driveInk(app) };
}

test('Enter opens the kiosk, Esc on its Home returns to the launcher, and it opens again', async (t) => {
  const { stack, frame, waitFor, press } = await openLauncher(t);
  await createProduct(stack.admin, { name: 'Launcher Live' });

  await waitFor('Purchase kiosk');
  t.regex(frame(), new RegExp(stack.tokens.kiosk));
  await press(KEY.enter);
  await waitFor('Esc back to the launcher');
  await press('1');
  await waitFor('Launcher Live');
  await press(KEY.escape);
  await waitFor('What would you like to do?');
  await press(KEY.escape);
  await waitFor('Cardgate demo · Launcher');
  await press(KEY.enter);
  await waitFor('Cardgate kiosk · Welcome');
});

test('the gate console opens from the launcher on the same card, and q on its waiting screen returns to the launcher', async (t) => {
  const { stack, frame, waitFor, press } = await openLauncher(t);

  await waitFor('Gate console');
  await press(KEY.down); // down to the gate console
  await press(KEY.enter);
  await waitFor('PRESENT A CARD');
  await waitFor('online');
  t.regex(frame(), /Gate G1/);
  t.true(
    existsSync(join(dirname(stack.dbPath), 'gate-G1.journal')),
    "the demo gate keeps an off-line journal beside the demo's database (SPEC §9)",
  );
  await press('q');
  await waitFor('Cardgate demo · Launcher');
});
