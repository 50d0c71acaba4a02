/**
 * The gate console end to end in a real 80x24 terminal (tmux), run through
 * the real CLI: a card with three tickets, the menu's states, Enter admits the
 * highlighted one, presenting it again shows ALREADY_USED with gate and time
 * (claims 3, 4, 5, 14, 17, 25, 30).
 */
import { execFileSync } from 'node:child_process';
import test from 'ava';
import { formatTime } from '../../terminal/format.js';
import { startStack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';
import { threeTicketCard } from './gate-fixtures.js';

const highlightedLine = (screen: string) => screen.split('\n').find((line) => line.startsWith('▶')) ?? '';

test('an attendant admits the highlighted ticket, and the same ticket presented again is already used', async (t) => {
  const stack = await startStack(t);
  const fixture = await threeTicketCard(stack);
  const gate = startTmux(t, ['node', '--import', 'tsx', 'cli/main.ts', 'gate', '--center', stack.address, '--card', fixture.spec, '--gate-id', 'G1'], {
    CARDGATE_TOKEN: stack.tokens.gate,
  });
  t.regex(await gate.waitFor('PRESENT A CARD', 30_000), /Press Space when the card is on the reader/);
  await gate.press('Space');
  const menu = await gate.waitFor('Choose a ticket');
  t.regex(menu, /Jazz Night[^\n]*\n\s+Hanako Yamada\s+✖ Already used at gate G2 at \d\d:\d\d/);
  t.regex(menu, /Morning Rehearsal[^\n]*\n\s+Hanako Yamada\s+✖ Valid from /);
  t.regex(menu, /Rock Evening[^\n]*\n\s+Taro Suzuki\s+✔ Valid here/);
  t.regex(highlightedLine(menu), /3\s+Rock Evening/);

  await gate.press('Enter');
  const admitted = await gate.waitFor('ADMIT — Taro Suzuki');
  t.regex(admitted, /✔ 1 admitted · ✖ 0 rejected/);
  t.true(admitted.split('\n').every((line) => line.length <= 80));
  const [redemption] = await stack.admin.listRedemptions({ gateId: 'G1' });
  t.is(redemption?.ticketId, fixture.tickets[2]!.ticket!.ticketId);

  await gate.press('Enter');
  await gate.waitFor('PRESENT A CARD');
  await gate.press('Space');
  const again = await gate.waitFor('Choose a ticket');
  const usedHere = `Already used at gate G1 at ${formatTime(redemption!.redeemedAt)}`;
  t.true(again.includes(usedHere), again);
  t.regex(again, /0 usable at this gate now/);
  await gate.press('3');
  await gate.press('Enter');
  const rejected = await gate.waitFor('REJECTED');
  t.true(rejected.includes(`REJECTED — ${usedHere}`), rejected);
  t.regex(rejected, /✔ 1 admitted · ✖ 1 rejected/);

  await gate.press('Enter');
  await gate.waitFor('PRESENT A CARD');
  await gate.press('q');
  const deadline = Date.now() + 10_000;
  const dead = () => execFileSync('tmux', ['list-panes', '-t', gate.name, '-F', '#{pane_dead} #{pane_dead_status}'], { encoding: 'utf8' }).trim();
  while (!dead().startsWith('1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  t.is(dead(), '1 0', 'q closes the console and the process exits cleanly');
});
