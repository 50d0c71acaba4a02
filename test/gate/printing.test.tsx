/**
 * Paper tickets through a real CUPS queue (claims 7, 15, 18, 24): printed on
 * admission with the ticket id, event and QR code; a missing or stopped
 * printer is reported on screen and never stops the admission. After every
 * job the scheduler must still be running: cupsd 2.4.2-3+deb12u10 segfaulted
 * on the streamed jobs the gate used to send (../shared/STACK.md).
 *
 * Serial: each test checks that no print file is left behind in the temp dir.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import test, { type ExecutionContext } from 'ava';
import { CupsTicketPrinter } from '../../gate/printing/ticket-printer.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { startTmux } from '../helpers/tmux.js';
import { cupsRunning, pdfText, rawQueue } from './cups-queue.js';
import { blankCard, buyOnto, flat } from './gate-fixtures.js';
import { presentCard, renderGate } from './render-gate.js';

const printFilesLeft = () => readdirSync(tmpdir()).filter((name) => name.startsWith('cardgate-print-'));

/** What must hold after every job: cupsd survived it, and the ticket's private PDF file is gone. */
function assertCupsSurvived(t: ExecutionContext): void {
  t.true(cupsRunning(), 'lpstat -r: the CUPS scheduler is still running after the job');
  t.deepEqual(printFilesLeft(), [], 'the temporary PDF is removed once CUPS has the job');
}

test.serial('a printed ticket is a PDF with the event, venue, seat, buyer and ticket id (claims 7, 15)', async (t) => {
  const stack = await startStack(t);
  const queue = await rawQueue(t);
  const { card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Jazz Night', venue: 'Blue Note Hall', seating: 'Row B' });
  const result = await new CupsTicketPrinter(queue.name).print({
    ticket: ticket!,
    gateId: 'G1',
    admittedAt: new Date(),
  });
  t.true(result.ok, result.words);
  const job = await queue.nextJob();
  assertCupsSurvived(t);
  t.is(job.subarray(0, 5).toString(), '%PDF-');
  const text = flat(pdfText(job));
  for (const expected of [
    ticket!.ticket!.ticketId,
    'Jazz Night',
    'Blue Note Hall',
    'Row B',
    'Hanako Yamada',
    'gate G1',
  ])
    t.true(text.includes(expected), `${expected} in: ${text}`);
});

test.serial('on admission the gate prints the ticket and says so (claims 18, 24)', async (t) => {
  const stack = await startStack(t);
  const queue = await rawQueue(t);
  const { spec, card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Rock Evening' });
  const gate = await renderGate(t, stack.gate, spec, { printer: new CupsTicketPrinter(queue.name) });
  await presentCard(gate);
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT');
  const text = flat(pdfText(await queue.nextJob()));
  t.true(text.includes(ticket!.ticket!.ticketId));
  t.true(text.includes('Rock Evening'));
  t.regex(
    await gate.waitFor(/Paper ticket (printed|sent)/),
    new RegExp(`Paper ticket (printed on|sent to) ${queue.name}`),
  );
  assertCupsSurvived(t);
});

test.serial(
  "`cardgate gate --print QUEUE` prints each admission through the machine's cupsd, which keeps running (claims 18, 24)",
  async (t) => {
    const stack = await startStack(t);
    const queue = await rawQueue(t);
    const { spec, card } = await blankCard(stack);
    const tickets = await buyOnto(stack, card, { name: 'Rock Evening' }, 2);
    const command = `node --import tsx cli/main.ts gate --center ${stack.address} --card ${spec} --gate-id G1 --print ${queue.name}`;
    const gate = startTmux(t, ['sh', '-c', command], { CARDGATE_TOKEN: stack.tokens.gate });
    for (const ticket of tickets) {
      await gate.waitFor('PRESENT A CARD', 30_000);
      await gate.press('Space');
      await gate.waitFor(/▶ +\d+ +Rock Evening[^\n]*\n[^\n]*Valid here/);
      await gate.press('Enter');
      await gate.waitFor('ADMIT');
      const text = flat(pdfText(await queue.nextJob()));
      t.true(text.includes(ticket.ticket!.ticketId), `ticket ${ticket.ticket!.ticketId} in: ${text}`);
      t.regex(
        await gate.waitFor(/Paper ticket (printed|sent)/),
        new RegExp(`Paper ticket (printed on|sent to) ${queue.name}`),
      );
      assertCupsSurvived(t);
      await gate.press('Enter');
    }
  },
);

test.serial('a refused ticket is not printed and the screen says it cannot be issued (claim 18)', async (t) => {
  const stack = await startStack(t);
  const queue = await rawQueue(t);
  const { spec, card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Rock Evening' });
  await stack.gate.redeemTicket({ gateId: 'G2', cardId: card.id, ticket: ticket!, dryRun: false });
  const gate = await renderGate(t, stack.gate, spec, { printer: new CupsTicketPrinter(queue.name) });
  await presentCard(gate);
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('REJECTED'), /No paper ticket: this ticket cannot be issued/);
});

test.serial('with the printer missing the buyer is still admitted and the screen says the print failed', async (t) => {
  const stack = await startStack(t);
  await rawQueue(t); // CUPS itself is up: only this printer is missing
  const { spec, card } = await blankCard(stack);
  await buyOnto(stack, card, { name: 'Rock Evening' });
  const gate = await renderGate(t, stack.gate, spec, { printer: new CupsTicketPrinter('cardgate-no-such-printer') });
  await presentCard(gate);
  await gate.press(KEY.enter);
  const frame = flat(await gate.waitFor('Print failed'));
  t.true(frame.includes('ADMIT — Hanako Yamada'));
  t.true(frame.includes('Print failed: Printer cardgate-no-such-printer not found'));
  t.is((await stack.admin.listRedemptions({ gateId: 'G1' })).length, 1);
});

test.serial('a stopped printer is reported as stopped, with the command that restarts it', async (t) => {
  const stack = await startStack(t);
  const queue = await rawQueue(t);
  execFileSync('cupsdisable', [queue.name]);
  const { card } = await blankCard(stack);
  const [ticket] = await buyOnto(stack, card, { name: 'Rock Evening' });
  const result = await new CupsTicketPrinter(queue.name).print({
    ticket: ticket!,
    gateId: 'G1',
    admittedAt: new Date(),
  });
  t.false(result.ok);
  t.regex(result.words, new RegExp(`Printer ${queue.name} is stopped .*cupsenable ${queue.name}`));
});
