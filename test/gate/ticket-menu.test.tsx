/** The gate's ticket menu against a real center (claims 3, 4, 14, 17, 25): every ticket, its state at this gate, the attendant's choice. */
import test, { type ExecutionContext } from 'ava';
import { when } from '../../gate/flow/reason-words.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { threeTicketCard } from './gate-fixtures.js';
import { menuRow, presentCard, renderGate } from './render-gate.js';

/** A real center, the three-ticket card, and the gate with that card presented: the menu on screen. */
async function menuShown(t: ExecutionContext) {
  const stack = await startStack(t);
  const fixture = await threeTicketCard(stack);
  const gate = await renderGate(t, stack.gate, fixture.spec);
  const frame = await presentCard(gate);
  return { stack, fixture, gate, frame };
}

test('the menu lists every ticket with its state here and highlights the first usable one (claims 4, 25)', async (t) => {
  const { stack, fixture, frame } = await menuShown(t);
  const [used] = await stack.admin.listRedemptions();
  t.regex(frame, /3 tickets, 1 usable at this gate now/);
  t.regex(frame, /Jazz Night[\s\S]*Hanako Yamada\s+✖ Already used at gate G2 at (\d\d:\d\d)/);
  t.true(frame.includes(`Already used at gate G2 at ${when(used!.redeemedAt!)}`));
  const opensAt = await stack.gate.checkTickets({
    gateId: 'G1',
    cardId: fixture.card.id,
    tickets: [fixture.tickets[1]!],
  });
  t.true(frame.includes(`✖ Valid from ${when(opensAt[0]!.validFrom!)}`));
  t.regex(frame, /Rock Evening[^\n]*Standing\n\s+Taro Suzuki\s+✔ Valid here/);
  t.regex(menuRow(frame, 3), /^▶/, 'the first usable ticket is highlighted');
  t.notRegex(menuRow(frame, 1), /^▶/);
});

test('arrow keys move the highlight round the menu and a number key jumps to that ticket', async (t) => {
  const { gate } = await menuShown(t);
  await gate.press(KEY.down);
  t.regex(menuRow(await gate.waitFor(/^▶\s+1 /m), 1), /Jazz Night/, 'Down from the last ticket wraps to the first');
  await gate.press(KEY.up);
  t.regex(menuRow(await gate.waitFor(/^▶\s+3 /m), 3), /Rock Evening/);
  await gate.press('2');
  t.regex(menuRow(await gate.waitFor(/^▶\s+2 /m), 2), /Morning Rehearsal/);
});

test('Enter uses the highlighted ticket: ADMIT with the buyer, recorded at this gate, counted (claims 5, 14, 17)', async (t) => {
  const { stack, fixture, gate } = await menuShown(t);
  await gate.press(KEY.enter);
  const frame = await gate.waitFor('ADMIT — Taro Suzuki');
  t.regex(frame, /Rock Evening/);
  t.regex(frame, /✔ 1 admitted · ✖ 0 rejected/);
  const redemptions = await stack.admin.listRedemptions({ gateId: 'G1' });
  t.deepEqual(
    redemptions.map((r) => r.ticketId),
    [fixture.tickets[2]!.ticket!.ticketId],
  );
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('PRESENT A CARD'), /Since start: 1 admitted, 0 rejected/);
});

test('c checks the highlighted ticket without using it; Enter then uses it', async (t) => {
  const { stack, gate } = await menuShown(t);
  await gate.press('c');
  const frame = await gate.waitFor('VALID — Taro Suzuki');
  t.regex(frame, /Check only: this ticket was NOT used/);
  t.regex(frame, /✔ 0 admitted · ✖ 0 rejected/);
  t.is((await stack.admin.listRedemptions({ gateId: 'G1' })).length, 0);
  await gate.press(KEY.escape);
  await gate.waitFor('Choose a ticket');
  await gate.press('c');
  await gate.waitFor('VALID — Taro Suzuki');
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT — Taro Suzuki');
  t.is((await stack.admin.listRedemptions({ gateId: 'G1' })).length, 1);
});

test('Esc leaves the menu without using anything', async (t) => {
  const { stack, gate } = await menuShown(t);
  await gate.press(KEY.escape);
  await gate.waitFor('PRESENT A CARD');
  t.is((await stack.admin.listRedemptions({ gateId: 'G1' })).length, 0);
});

test('q on the waiting screen closes the console, handing back to a launcher', async (t) => {
  const stack = await startStack(t);
  const fixture = await threeTicketCard(stack);
  let quit = 0;
  const gate = await renderGate(t, stack.gate, fixture.spec, { onExit: () => quit++ });
  await gate.waitFor('q close gate');
  await gate.press('q');
  t.is(quit, 1);
});
