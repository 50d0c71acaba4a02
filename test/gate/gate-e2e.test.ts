/**
 * The gate console end to end in a real 80x24 terminal (tmux), run through
 * the real CLI: a card with three tickets, the menu's states, Enter admits the
 * highlighted one, presenting it again shows ALREADY_USED with gate and time
 * (claims 3, 4, 5, 14, 17, 25, 30).
 */
import test from 'ava';
import { when } from '../../gate/flow/reason-words.js';
import { startStack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';
import { threeTicketCard } from './gate-fixtures.js';

const highlightedLine = (screen: string) => screen.split('\n').find((line) => line.startsWith('▶')) ?? '';

test('an attendant admits the highlighted ticket, and the same ticket presented again is already used', async (t) => {
  const stack = await startStack(t);
  const fixture = await threeTicketCard(stack);
  // Through sh, so the exit status of the console is printed on the screen when it ends.
  const command = `node --import tsx cli/main.ts gate --center ${stack.address} --card ${fixture.spec} --gate-id G1 --journal ${stack.dir}/gate-G1.journal; echo "gate exited with status $?"`;
  const gate = startTmux(t, ['sh', '-c', command], { CARDGATE_TOKEN: stack.tokens.gate });
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
  const usedHere = `Already used at gate G1 at ${when(redemption!.redeemedAt!)}`;
  t.true(again.includes(usedHere), again);
  t.regex(again, /0 usable at this gate now/);
  await gate.press('3');
  await gate.press('Enter');
  const rejected = await gate.waitFor('REJECTED');
  t.true(rejected.includes(`REJECTED — ${usedHere}`), rejected);
  t.regex(rejected, /✔ 1 admitted · ✖ 1 rejected/);

  await gate.press('Enter');
  await gate.waitFor('PRESENT A CARD');
  // No pause: the waiting screen hears keys from the moment it is drawn (terminal/hooks/use-keys.ts).
  await gate.press('q');
  t.regex(
    await gate.waitFor('gate exited with status'),
    /gate exited with status 0/,
    'q closes the console and the process exits cleanly',
  );
});
