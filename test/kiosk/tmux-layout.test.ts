/**
 * The kiosk in real terminals of other sizes (tmux, CI=false): below 80 × 24 one clear notice to make
 * the window larger, and nothing else; larger, the frame fills the window (key help on the bottom line,
 * the title bar full width) and lists show more rows; resized, no leftovers of the earlier size stay.
 */
import test from 'ava';
import { join } from 'node:path';
import { tempDir } from '../helpers/card-fixtures.js';
import { createProduct } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';

const CLI = join(import.meta.dirname, '../../cli/main.ts');

test('the kiosk says to make a 60x20 window larger, then fills 120x40 and fits 80x24 again without leftovers', async (t) => {
  const stack = await startStack(t);
  for (let i = 1; i <= 12; i++) await createProduct(stack.admin, { name: `Show ${String(i).padStart(2, '0')}` });
  const kiosk = startTmux(
    t,
    [process.execPath, '--import', 'tsx', CLI, 'kiosk', '--center', stack.address, '--token', stack.tokens.kiosk],
    { CARDGATE_CARD: `file:${join(tempDir(t), 'k.card')}` },
    process.cwd(),
    { columns: 60, rows: 20 },
  );
  const small = await kiosk.waitFor('Make the window larger', 30_000);
  t.regex(small.replace(/\s+/g, ' '), /at least 80 × 24 characters \(it is 60 × 20 now\)/);
  t.notRegex(small, /Buy tickets|shortcut/);

  kiosk.resize(120, 40);
  const large = await kiosk.waitFor('What would you like to do?');
  await kiosk.listening();
  const lines = large.split('\n');
  t.notRegex(large, /Make the window larger/, 'the notice is gone');
  t.regex(lines[1]!, /^─{120}$/, 'the title bar spans the window');
  t.regex(lines[38]!, /1-3 shortcut/, 'the key help is on the bottom line');
  await kiosk.press('Enter');
  const catalog = await kiosk.waitFor('› Show 01');
  t.regex(catalog, /Show 12/, 'all twelve events on one page of 40 lines (nine fit on 24)');

  kiosk.resize(80, 24);
  const normal = await kiosk.waitFor(/^─{80}$/m);
  t.true(
    normal.split('\n').every((line) => line.length <= 80),
    normal,
  );
  t.regex(normal, /↓ 3 more/, 'nine rows again on 24 lines');
  t.is(normal.match(/Choose an event/g)?.length, 1, 'no second copy of the screen left behind');
});
