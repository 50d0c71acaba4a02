/**
 * Off-line gates (SPEC §9, issue #16) against a real center process killed
 * mid-shift: the gate decides alone with the one judge, says OFFLINE, keeps
 * its journal, writes entries onto the card, and uploads once the center is
 * back — counted once however often it is uploaded.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import test from 'ava';
import { openJournalFile } from '../../gate/offline/journal-file.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { KEY } from '../helpers/ink.js';
import { waitUntil } from '../helpers/wait.js';
import { blankCard, flat } from './gate-fixtures.js';
import { startNight, untilManifest } from './offline-night.js';
import { presentCard, renderGate } from './render-gate.js';

const R = RejectReason;
const pathOf = (spec: string) => spec.slice('file:'.length);

test('center killed mid-shift: admits off line, refuses it again by journal and at another gate by the card entry, refuses a cancelled ticket (SPEC §9)', async (t) => {
  const night = await startNight(t);
  const stack = night;
  const { spec, card } = await blankCard(stack, 'buyer.card');
  const [valid] = await night.buyOnto(card, { name: 'Rock Evening' });
  const [cancelled] = await night.buyOnto(card, { name: 'Jazz Night' });
  const g1 = await night.offlineGate('G1');
  const g2 = await night.offlineGate('G2');
  await night.admin.cancelOrder({ orderId: cancelled!.ticket!.orderId, reason: 'test' });
  const cancelledId = cancelled!.ticket!.ticketId;
  await untilManifest(g1, (ids) => ids.includes(cancelledId));
  await untilManifest(g2, (ids) => ids.includes(cancelledId));
  const gate = await renderGate(t, night.gate, spec, { offline: g1 });
  await gate.waitFor('PRESENT A CARD');

  night.killCenter();
  const waiting = await gate.waitFor('OFFLINE since');
  t.regex(flat(waiting), /Sales center: OFFLINE since \d\d:\d\d: this gate decides on its own/);
  t.regex(flat(waiting), /This gate checks tickets on its own — follow its verdicts/);

  const menu = await presentCard(gate);
  t.regex(flat(menu), /Rock Evening .*✔ Valid here/);
  t.regex(flat(menu), /Jazz Night .*✖ Order cancelled/);
  t.regex(flat(menu), /⚠ OFFLINE since \d\d:\d\d/, 'the menu says OFFLINE too');
  await gate.press('1');
  await gate.press(KEY.enter);
  const admitted = await gate.waitFor('ADMIT');
  t.regex(admitted, /ADMIT — Hanako Yamada/);
  t.regex(flat(admitted), /⚠ OFFLINE since \d\d:\d\d/, 'and the verdict');
  t.regex(
    flat(admitted),
    /OFFLINE verdict \(center unreachable since \d\d:\d\d\): this gate checked the ticket on its own\. It is safe to let the buyer in\./,
  );
  t.is(await g1.journal.pendingCount(), 1, 'the admission is in the journal');
  await waitUntil('the entry on the card', async () => ((await card.read()).entries ?? []).length === 1);
  const [entry] = (await card.read()).entries!;
  t.like(entry, { ticketId: valid!.ticket!.ticketId, gateId: 'G1', direction: 'entry' });

  await gate.press(KEY.enter);
  t.regex(flat(await gate.waitFor('waiting to upload')), /1 entry waiting to upload when the center is back/);
  await presentCard(gate);
  await gate.press('1');
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('REJECTED'), /REJECTED — Already used at gate G1 at \d\d:\d\d/);
  await gate.press(KEY.enter);
  await presentCard(gate);
  await gate.press('2');
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('REJECTED'), /REJECTED — Order cancelled/);

  // Gate G2 never saw G1's journal: the entry written on the card refuses it.
  const atG2 = await g2.redeem({
    cardId: card.id,
    ticket: valid!,
    dryRun: false,
    direction: 'entry',
    cardEntries: (await card.read()).entries!,
  });
  t.truthy(atG2.offline, 'decided off line');
  t.like(atG2.response, { admitted: false, reason: R.REJECT_REASON_ALREADY_USED, firstUsedGate: 'G1' });
});

test('off line, a forged, an edited and a copied-to-another-card ticket are refused and journaled (SPEC §9, §4)', async (t) => {
  const night = await startNight(t);
  const stack = night;
  const { spec, card } = await blankCard(stack, 'buyer.card');
  const [ticket] = await night.buyOnto(card, { name: 'Rock Evening' });
  const gate = await night.offlineGate('G1');
  await untilManifest(gate, (_, products) => products.includes(ticket!.ticket!.productId));
  night.killCenter();
  const ask = (cardId: string, presented: typeof ticket) =>
    gate.redeem({ cardId, ticket: presented!, dryRun: false, direction: 'entry', cardEntries: [] });

  const forged = { ...ticket!, signature: randomBytes(64) };
  const edited = { ...ticket!, ticket: { ...ticket!.ticket!, seat: 'Row A, seat 1' } };
  const copy = await blankCard(stack, 'copy.card');
  const bytes = readFileSync(pathOf(copy.spec));
  readFileSync(pathOf(spec)).copy(bytes, 16, 16); // user memory only: the copy keeps its own UID
  writeFileSync(pathOf(copy.spec), bytes);
  for (const [what, answer] of [
    ['forged', await ask(card.id, forged)],
    ['edited', await ask(card.id, edited)],
    ['copied', await ask(copy.card.id, ticket)],
  ] as const) {
    t.truthy(answer.offline, `${what}: decided off line`);
    t.is(answer.response.reason, R.REJECT_REASON_TAMPERED, what);
    t.false(answer.response.admitted, what);
  }
  t.is(await gate.journal.pendingCount(), 3, 'every refusal is in the journal');
  t.true((await ask(card.id, ticket)).response.admitted, 'the genuine ticket on its own card still admits');
});

test('the center back: the journal is uploaded, twice, and counted once, with its real gate and time (SPEC §9)', async (t) => {
  const night = await startNight(t);
  const stack = night;
  const { spec, card } = await blankCard(stack, 'buyer.card');
  const [ticket] = await night.buyOnto(card, { name: 'Rock Evening', entriesPerTicket: 2 });
  const g1 = await night.offlineGate('G1');
  await untilManifest(g1, (_, products) => products.includes(ticket!.ticket!.productId));
  const gate = await renderGate(t, night.gate, spec, { offline: g1 });
  await gate.waitFor('PRESENT A CARD');
  night.killCenter();
  await gate.waitFor('OFFLINE since');
  await presentCard(gate);
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT');
  await gate.press(KEY.enter);
  await gate.waitFor('1 entry waiting to upload');

  await night.startCenter();
  const back = await gate.waitFor('No entries waiting to upload', 20_000);
  t.regex(back, /Sales center: online/);
  t.notRegex(back, /OFFLINE/);
  const rows = () => night.admin.listRedemptions({ productId: ticket!.ticket!.productId });
  const [row, ...more] = await rows();
  t.is(more.length, 0);
  t.like(row, { ticketId: ticket!.ticket!.ticketId, gateId: 'G1', offline: true, conflict: false });

  // The answer to the upload was lost: the journal still says pending and uploads again.
  const sql = await openJournalFile(g1.journal.path);
  await sql.run('update entries set uploaded = 0');
  await sql.close();
  g1.retry();
  await waitUntil('the second upload', async () => (await g1.journal.pendingCount()) === 0 && true);
  t.is((await rows()).length, 1, 'uploaded twice, counted once');
  const online = await g1.redeem({
    cardId: card.id,
    ticket: ticket!,
    dryRun: true,
    direction: 'entry',
    cardEntries: [],
  });
  t.falsy(online.offline);
  t.is(online.response.entriesLeft, 1, 'one of its two entries used');
});

test('two off-line gates admitting copies of one card image give exactly one conflict (SPEC §9)', async (t) => {
  const night = await startNight(t);
  const stack = night;
  const { spec, card } = await blankCard(stack, 'buyer.card');
  const [ticket] = await night.buyOnto(card, { name: 'Rock Evening' });
  // A cloned card: the same UID and memory, byte for byte.
  copyFileSync(pathOf(spec), `${pathOf(spec)}.clone`);
  const clone = (await blankCard(stack, 'buyer.card.clone')).card;
  t.is(clone.id, card.id);
  const north = await night.offlineGate('NORTH');
  const south = await night.offlineGate('SOUTH');
  await untilManifest(north, (_, products) => products.includes(ticket!.ticket!.productId));
  await untilManifest(south, (_, products) => products.includes(ticket!.ticket!.productId));
  night.killCenter();
  for (const [gate, onCard] of [
    [north, card],
    [south, clone],
  ] as const) {
    const answer = await gate.redeem({
      cardId: onCard.id,
      ticket: ticket!,
      dryRun: false,
      direction: 'entry',
      cardEntries: (await onCard.read()).entries ?? [],
    });
    t.true(answer.response.admitted && answer.offline !== undefined, 'each gate admits alone');
  }
  await night.startCenter();
  await waitUntil(
    'both journals uploaded',
    async () => (await north.journal.pendingCount()) + (await south.journal.pendingCount()) === 0,
    { timeoutMs: 20_000 },
  );
  const rows = await night.admin.listRedemptions({ productId: ticket!.ticket!.productId });
  t.is(rows.length, 2, 'both admissions are recorded: both buyers went in');
  t.is(rows.filter((row) => row.conflict).length, 1, 'exactly one is one too many');
  t.true(rows.every((row) => row.offline));
});
