/**
 * The off-line gate end to end in a real 80x24 terminal (tmux), through the
 * real CLI, against a real center process (SPEC §9, issue #16): the center
 * stopped mid-shift, the gate admitting off line, the gate itself SIGKILLed
 * and started again during the outage with its journal and manifest intact,
 * and the center started again: back on line by itself, journal uploaded.
 */
import { join } from 'node:path';
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { openJournalFile } from '../../gate/offline/journal-file.js';
import { startTmux } from '../helpers/tmux.js';
import { waitUntil } from '../helpers/wait.js';
import { blankCard, flat } from './gate-fixtures.js';
import { startNight } from './offline-night.js';

async function journalCounts(path: string): Promise<{ admitted: number; manifests: number }> {
  const sql = await openJournalFile(path);
  try {
    const [entries] = await sql.all<{ n: number }>('select count(*) as n from entries where admitted = 1');
    const [manifests] = await sql.all<{ n: number }>('select count(*) as n from manifest');
    return { admitted: entries!.n, manifests: manifests!.n };
  } finally {
    await sql.close();
  }
}

test('center stopped and started again, gate SIGKILLed in between: off-line admissions survive and are uploaded (SPEC §9)', async (t) => {
  const night = await startNight(t);
  const { spec, card } = await blankCard(night, 'buyer.card');
  const [first] = await night.buyOnto(card, { name: 'Rock Evening' });
  const [second] = await night.buyOnto(card, { name: 'Jazz Night' });
  const journal = join(night.dir, 'gate-G1.journal');
  const command = ['node', '--import', 'tsx', 'cli/main.ts', 'gate', '--center', night.address, '--card', spec];
  const gateArgs = [...command, '--gate-id', 'G1', '--journal', journal];
  const env = { CARDGATE_TOKEN: night.tokens.gate };

  let gate = startTmux(t, gateArgs, env);
  t.regex(await gate.waitFor('Sales center: online', 30_000), /No entries waiting to upload/);
  await waitUntil('the manifest in the journal', async () => (await journalCounts(journal)).manifests === 1, {
    timeoutMs: 15_000,
  });
  night.killCenter();
  t.regex(flat(await gate.waitFor('OFFLINE since')), /OFFLINE since \d\d:\d\d: this gate decides on its own/);
  await gate.listening();
  await gate.press('Space');
  await gate.waitFor('Choose a ticket');
  await gate.press('1');
  await gate.press('Enter');
  const admitted = await gate.waitFor('ADMIT');
  t.regex(flat(admitted), /It is safe to let the buyer in/);
  t.true(admitted.split('\n').every((line) => line.length <= 80));
  t.regex(
    admitted.split('\n')[0]!,
    /Cardgate gate G1 · Verdict/,
    'the whole verdict fits 24 rows: its title is still on screen',
  );

  // The gate's process dies as in a power cut.
  const pid = Number(
    execFileSync('tmux', ['display-message', '-p', '-t', gate.name, '#{pane_pid}'], { encoding: 'utf8' }),
  );
  process.kill(pid, 'SIGKILL');
  await waitUntil('the gate process to be gone', () => gate.exited(), { timeoutMs: 10_000 });
  t.deepEqual(await journalCounts(journal), { admitted: 1, manifests: 1 }, 'journal and manifest on disk');

  gate = startTmux(t, gateArgs, env);
  const restartedScreen = await gate.waitFor('OFFLINE since', 30_000);
  t.regex(restartedScreen.split('\n')[0]!, /Cardgate gate G1 · Waiting/);
  const restarted = flat(restartedScreen);
  t.regex(restarted, /1 entry waiting to upload when the center is back/);
  await gate.listening();
  await gate.press('Space');
  const menu = flat(await gate.waitFor('Choose a ticket'));
  t.regex(menu, /Rock Evening .*✖ Already used at gate G1 at \d\d:\d\d/);
  t.regex(menu, /Jazz Night .*✔ Valid here/, 'the cached manifest still judges');
  await gate.press('2');
  await gate.press('Enter');
  t.regex(flat(await gate.waitFor('ADMIT')), /OFFLINE verdict/);
  await gate.press('Enter');
  await gate.waitFor('2 entries waiting to upload');

  await night.startCenter();
  const back = flat(await gate.waitFor('No entries waiting to upload', 30_000));
  t.regex(back, /Sales center: online/);
  t.notRegex(back, /OFFLINE/);
  // The test's own client reconnects after its back-off.
  const rows = await waitUntil(
    'the admin client to reach the center again',
    () => night.admin.listRedemptions({ gateId: 'G1' }).catch(() => undefined),
    { timeoutMs: 20_000, everyMs: 200 },
  );
  t.deepEqual(
    rows.map((row) => [row.ticketId, row.offline, row.conflict]).sort(),
    [
      [first!.ticket!.ticketId, true, false],
      [second!.ticket!.ticketId, true, false],
    ].sort(),
  );
  await gate.press('q');
  await waitUntil('the gate to close', () => gate.exited(), { timeoutMs: 10_000 });
});
