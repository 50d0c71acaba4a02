/** `npm start` on a real terminal: the launcher opens the kiosk on ./data/demo.card and comes back to its menu without a restart (SPEC §5). */
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTmux } from '../helpers/tmux.js';

test('npm start shows the launcher; the kiosk opens on the demo card and Esc returns to the launcher', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'cardgate-launcher-'));
  t.teardown(() => rmSync(data, { recursive: true, force: true }));
  const demo = startTmux(
    t,
    ['npm', 'start', '--', '--data', data, '--listen', '127.0.0.1:0', '--charge-listen', '127.0.0.1:0'],
    {},
    join(import.meta.dirname, '../..'),
  );
  const launcher = await demo.waitFor('Purchase kiosk', 60_000);
  t.regex(launcher, /kiosk +cg_kiosk_/);
  t.regex(launcher, new RegExp(`${join(data, 'demo.card')}`));
  await demo.press('Enter');
  await demo.waitFor('Esc back to the launcher');
  await demo.press('2');
  await demo.waitFor(/IC card \w+: 0 tickets/);
  await demo.press('Escape');
  await demo.waitFor('What would you like to do?');
  await demo.press('Escape');
  await demo.waitFor('Cardgate demo · Launcher');
  await demo.press('Enter');
  await demo.waitFor('Esc back to the launcher');
  await demo.press('C-c');
  // Ctrl+C quits the launcher and stops the servers: the process ends and tmux reports the pane dead.
  await demo.waitFor('Pane is dead', 15_000);
});
