/**
 * GateService.SyncOfflineAdmissions (SPEC §9): an off-line gate's journal arrives with its real
 * gate and time, once however often it is uploaded, judged by the one judge against what the
 * center knows, with the admissions one too many for their ticket marked as conflicts.
 */
import { status } from '@grpc/grpc-js';
import test from 'ava';
import { GateEventEntity } from '../../center/admission/gate-event.entity.js';
import { createTerminalToken, revokeTerminal } from '../../center/auth/tokens.js';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { buyTicket, CARD, listGates, offlineEntry, syncOffline } from '../helpers/offline-calls.js';

const MINUTE = 60_000;

const buy = (stack: Stack, entriesPerTicket = 1, cardId = CARD) => buyTicket(stack, { entriesPerTicket }, cardId);

const rowsOf = async (stack: Stack, ticket: CardTicket) =>
  (await stack.admin.listRedemptions({ productId: ticket.ticket!.productId })).filter(
    (r) => r.ticketId === ticket.ticket!.ticketId,
  );

test('an uploaded admission is recorded with its gate, the time the gate decided and offline set (SPEC §9)', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const decidedAt = new Date(Date.now() - 10 * MINUTE);
  const entry = offlineEntry(ticket, CARD, decidedAt);

  const answer = await syncOffline(stack.gate, { gateId: 'G7', admissions: [entry] });
  t.deepEqual(answer, { acceptedEntryIds: [entry.entryId], recorded: 1, duplicates: 0, conflicts: 0 });
  const [row, ...others] = await rowsOf(stack, ticket);
  t.is(others.length, 0);
  t.like(row, { gateId: 'G7', cardId: CARD, offline: true, conflict: false, entryNumber: 1 });
  t.deepEqual(row!.redeemedAt, decidedAt);

  // On line the ticket is now used, at the off-line gate and time.
  const online = await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: false });
  t.false(online.admitted);
  t.is(online.reason, RejectReason.REJECT_REASON_ALREADY_USED);
  t.is(online.firstUsedGate, 'G7');
  t.deepEqual(online.firstUsedAt, decidedAt);
});

test('the same entry uploaded twice, and by two uploads at once, is recorded once (SPEC §9)', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack, 3);
  const entry = offlineEntry(ticket, CARD, new Date(Date.now() - MINUTE));
  const request = { gateId: 'G1', admissions: [entry] };

  const concurrent = await Promise.all([syncOffline(stack.gate, request), syncOffline(stack.gate, request)]);
  t.deepEqual(concurrent.map((a) => [a.recorded, a.duplicates]).sort(), [
    [0, 1],
    [1, 0],
  ]);
  const again = await syncOffline(stack.gate, request);
  t.deepEqual(again, { acceptedEntryIds: [entry.entryId], recorded: 0, duplicates: 1, conflicts: 0 });
  t.is((await rowsOf(stack, ticket)).length, 1, 'one movement: the ticket has two entries left');
  t.is((await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: true })).entriesLeft, 2);
});

test('two off-line gates admitting one single-entry ticket give exactly one conflict, also uploading at once (SPEC §9)', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const at = new Date(Date.now() - 5 * MINUTE);
  const answers = await Promise.all(
    ['North', 'South'].map((gateId) =>
      syncOffline(stack.gate, { gateId, admissions: [offlineEntry(ticket, CARD, at)] }),
    ),
  );
  t.is(
    answers.reduce((n, a) => n + a.recorded, 0),
    2,
    'both admissions happened and are recorded',
  );
  t.is(
    answers.reduce((n, a) => n + a.conflicts, 0),
    1,
    'exactly one is one too many',
  );
  const rows = await rowsOf(stack, ticket);
  t.deepEqual(rows.map((r) => r.entryNumber).sort(), [1, 2], 'entry numbers stay unique per ticket');
  t.is(rows.filter((r) => r.conflict).length, 1);
  t.true(rows.every((r) => r.offline));
  const [stats] = await stack.admin.listProductStats();
  t.like(stats, { admitted: 1, conflicts: 1 }, "the operator's product view counts the conflict");
});

test('an off-line admission of a ticket already admitted on line is a conflict, logged as a warning without card data', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  t.true((await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: false })).admitted);
  const answer = await syncOffline(stack.gate, {
    gateId: 'G2',
    admissions: [offlineEntry(ticket, CARD, new Date(Date.now() - MINUTE))],
  });
  t.is(answer.conflicts, 1);
  const rows = await rowsOf(stack, ticket);
  t.deepEqual(rows.map((r) => [r.gateId, r.offline, r.conflict]).sort(), [
    ['G1', false, false],
    ['G2', true, true],
  ]);
  const warning = stack
    .logs()
    .split('\n')
    .find((line) => line.includes('off-line admission conflict'));
  t.truthy(warning);
  const logged = JSON.parse(warning!) as Record<string, unknown>;
  t.like(logged, {
    level: 40,
    gateId: 'G2',
    ticketId: ticket.ticket!.ticketId,
    productId: ticket.ticket!.productId,
    reason: 'ALREADY_USED',
  });
  t.false(warning!.includes(CARD), 'no card id');
  t.false(warning!.includes('Hanako'), 'no buyer identification');
});

test('an uploaded admission of a cancelled or an unknown ticket is recorded as a conflict: the buyer went in', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  const cancelled = purchase!.tickets[0]!;
  await stack.admin.cancelOrder({ orderId: purchase!.orderId });
  const unknown = structuredClone(cancelled);
  unknown.ticket!.ticketId = 'TKT-NEVERISSUED';
  const at = new Date(Date.now() - MINUTE);

  const answer = await syncOffline(stack.gate, {
    gateId: 'G1',
    admissions: [offlineEntry(cancelled, CARD, at), offlineEntry(unknown, CARD, at)],
  });
  t.like(answer, { recorded: 2, conflicts: 2 });
  const rows = await stack.admin.listRedemptions({ productId: product.id });
  t.deepEqual(
    rows.map((r) => [r.ticketId, r.conflict, r.offline]).sort(),
    [
      [cancelled.ticket!.ticketId, true, true],
      ['TKT-NEVERISSUED', true, true],
    ].sort(),
  );
});

test('an uploaded exit records an exit movement; a refusal reaches the failed-scan log, not the movements', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const at = Date.now() - 30 * MINUTE;
  const answer = await syncOffline(stack.gate, {
    gateId: 'G1',
    admissions: [
      offlineEntry(ticket, CARD, new Date(at)),
      offlineEntry(ticket, CARD, new Date(at + MINUTE), {
        admitted: false,
        reason: RejectReason.REJECT_REASON_ALREADY_USED,
      }),
      offlineEntry(ticket, CARD, new Date(at + 2 * MINUTE), { direction: Direction.DIRECTION_EXIT }),
    ],
  });
  t.like(answer, { recorded: 3, conflicts: 0 });
  const rows = await rowsOf(stack, ticket);
  t.deepEqual(rows.map((r) => [r.entryNumber, r.direction, r.offline]).sort(), [
    [1, Direction.DIRECTION_ENTRY, true],
    [2, Direction.DIRECTION_EXIT, true],
  ]);
  const refusals = await stack.center.orm.em.fork().find(GateEventEntity, { ticketId: ticket.ticket!.ticketId });
  t.deepEqual(
    refusals.map((e) => [e.kind, e.gateId, e.reason, e.offline, e.at.getTime()]),
    [['refused', 'G1', 'ALREADY_USED', true, at + MINUTE]],
  );
  // Outside again: an exit on line is NOT_INSIDE.
  const exit = await stack.gate.redeemTicket({
    gateId: 'G1',
    cardId: CARD,
    ticket,
    dryRun: true,
    direction: Direction.DIRECTION_EXIT,
  });
  t.is(exit.reason, RejectReason.REJECT_REASON_NOT_INSIDE);
});

test('more than 100 entries in one upload is INVALID_ARGUMENT and records nothing', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const admissions = Array.from({ length: 101 }, () => offlineEntry(ticket, CARD, new Date()));
  const error = await syncOffline(stack.gate, { gateId: 'G1', admissions }).catch((e: unknown) => e);
  t.is(grpcCode(error), status.INVALID_ARGUMENT);
  t.regex((error as Error).message, /admissions must have at most 100 entries/);
  const refusedWithoutReason = await syncOffline(stack.gate, {
    gateId: 'G1',
    admissions: [offlineEntry(ticket, CARD, new Date()), offlineEntry(ticket, CARD, new Date(), { admitted: false })],
  }).catch((e: unknown) => e);
  t.is(grpcCode(refusedWithoutReason), status.INVALID_ARGUMENT);
  t.regex((refusedWithoutReason as Error).message, /admissions\[1\]\.reason/);
  t.is((await rowsOf(stack, ticket)).length, 0, 'a bad upload loses nothing and records nothing');
});

test("a gate may not upload another gate's journal (PERMISSION_DENIED) until that gate's token is revoked; a kiosk may not at all", async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  // Gate G1 is the stack's gate terminal: it has been on line as G1.
  await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: true });
  await waitUntil('G1 to be seen', async () => (await listGates(stack.admin)).some((g) => g.gateId === 'G1'));
  const other = stack.client((await createTerminalToken(stack.center.orm.em.fork(), 'gate-2', 'gate')).token);
  const request = { gateId: 'G1', admissions: [offlineEntry(ticket, CARD, new Date())] };

  const refused = await syncOffline(other, request).catch((e: unknown) => e);
  t.is(grpcCode(refused), status.PERMISSION_DENIED);
  t.regex((refused as Error).message, /gate G1 belongs to another gate terminal/);
  t.is(grpcCode(await syncOffline(stack.kiosk, request).catch((e: unknown) => e)), status.PERMISSION_DENIED);
  t.is((await rowsOf(stack, ticket)).length, 0);

  // Its own gate ids it may upload for.
  t.like(await syncOffline(other, { ...request, gateId: 'G2' }), { recorded: 1 });
  // G1's terminal replaced (its token revoked): the new one takes G1 over.
  await revokeTerminal(stack.center.orm.em.fork(), 'gate-1');
  t.like(await syncOffline(other, { ...request, admissions: [offlineEntry(ticket, CARD, new Date())] }), {
    recorded: 1,
  });
});

test('on a product with re-entry, an uploaded entry after an uploaded exit is a re-entry, not a conflict (SPEC §10)', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { allowReentry: true });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  const ticket = purchase!.tickets[0]!;
  const at = Date.now() - 60 * MINUTE;
  const answer = await syncOffline(stack.gate, {
    gateId: 'G1',
    admissions: [
      offlineEntry(ticket, CARD, new Date(at)),
      offlineEntry(ticket, CARD, new Date(at + MINUTE), { direction: Direction.DIRECTION_EXIT }),
      offlineEntry(ticket, CARD, new Date(at + 2 * MINUTE)),
      offlineEntry(ticket, CARD, new Date(at + 3 * MINUTE)),
    ],
  });
  t.like(answer, { recorded: 4, conflicts: 1 });
  const rows = (await rowsOf(stack, ticket)).sort((a, b) => a.entryNumber - b.entryNumber);
  t.deepEqual(
    rows.map((r) => [r.direction === Direction.DIRECTION_EXIT ? 'exit' : 'entry', r.reentry, r.conflict]),
    [
      ['entry', false, false],
      ['exit', false, false],
      ['entry', true, false],
      ['entry', false, true],
    ],
    'back in after going out; in again without going out is one too many',
  );
});
