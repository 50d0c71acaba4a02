/**
 * AdminService.ListGates (SPEC §9, §10): every gate the center has heard from, when, whether it
 * is off line (not heard from for 15 s on the center's clock), how many off-line entries it said
 * were waiting and when it last uploaded them.
 */
import { status } from '@grpc/grpc-js';
import test from 'ava';
import { GatePresenceEntity } from '../../center/admission/gate-presence.entity.js';
import { OFFLINE_AFTER_MS, SEEN_WRITE_MS } from '../../center/admission/gate-presence.js';
import { TestClock } from '../helpers/clock.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { listGates, manifestOf, offlineEntry, syncOffline } from './offline-calls.js';

const CARD = cardUid(9);

async function buy(stack: Stack) {
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  return purchase!.tickets[0]!;
}

const gateNamed = async (stack: Stack, gateId: string) =>
  (await listGates(stack.admin)).find((g) => g.gateId === gateId);

test('a gate that called is listed as seen, and as off line once not heard from for 15 s; calling again brings it back', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const ticket = await buy(stack);
  t.deepEqual(await listGates(stack.admin), []);

  const before = clock.now().getTime();
  await stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: true });
  const seen = await waitUntil('G1 to be listed', () => gateNamed(stack, 'G1'));
  t.false(seen.offline);
  t.true(seen.lastSeenAt!.getTime() >= before && seen.lastSeenAt!.getTime() <= clock.now().getTime());
  t.is(seen.lastSyncAt, undefined, 'it never uploaded a journal');

  clock.advance(OFFLINE_AFTER_MS + 1_000);
  t.true((await gateNamed(stack, 'G1'))!.offline, 'silent for longer than 15 s: off line');

  await manifestOf(stack.gate, { gateId: 'G1' });
  await waitUntil('G1 back on line', async () => !(await gateNamed(stack, 'G1'))!.offline);
});

test('only gate terminals are listed: a kiosk checking its card or an admin calling a gate RPC is no gate', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  await stack.kiosk.checkTickets({ gateId: 'KIOSK', cardId: CARD, tickets: [ticket] });
  await stack.admin.redeemTicket({ gateId: 'ADMIN', cardId: CARD, ticket, dryRun: true });
  await stack.gate.checkTickets({ gateId: 'G2', cardId: CARD, tickets: [ticket] });
  await waitUntil('G2 to be listed', () => gateNamed(stack, 'G2'));
  t.deepEqual(
    (await listGates(stack.admin)).map((g) => g.gateId),
    ['G2'],
  );
});

test('the manifest poll reports the entries waiting, an upload sets last_sync_at; gates come ordered by id', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  await manifestOf(stack.gate, { gateId: 'North', pendingOffline: 3 });
  await manifestOf(stack.gate, { gateId: 'East', pendingOffline: 0 });
  const north = await waitUntil('North to report 3 waiting', async () => {
    const gate = await gateNamed(stack, 'North');
    return gate?.pendingOffline === 3 && gate;
  });
  t.is(north.lastSyncAt, undefined);

  const before = Date.now();
  await syncOffline(stack.gate, { gateId: 'North', admissions: [offlineEntry(ticket, CARD, new Date(before))] });
  const synced = (await gateNamed(stack, 'North'))!;
  t.true(synced.lastSyncAt!.getTime() >= before);
  // The next poll, journal uploaded, says nothing waits any more (a changed count is written at once).
  await manifestOf(stack.gate, { gateId: 'North', pendingOffline: 0 });
  await waitUntil('North to report 0 waiting', async () => (await gateNamed(stack, 'North'))?.pendingOffline === 0);
  await waitUntil('East to be listed', () => gateNamed(stack, 'East'));
  t.deepEqual(
    (await listGates(stack.admin)).map((g) => g.gateId),
    ['East', 'North'],
  );
});

test('ListGates is for operators only (PERMISSION_DENIED for a gate)', async (t) => {
  const stack = await startStack(t);
  t.is(grpcCode(await listGates(stack.gate).catch((e: unknown) => e)), status.PERMISSION_DENIED);
});

test("a busy gate's presence is written at most once per 5 s, so its redemptions add no write each", async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const ticket = await buy(stack);
  const redeem = () => stack.gate.redeemTicket({ gateId: 'G1', cardId: CARD, ticket, dryRun: true });
  await redeem();
  await waitUntil('G1 to be listed', () => gateNamed(stack, 'G1'));
  // Mark the row so that a write would show.
  const marked = new Date('2026-01-01T00:00:00.000Z');
  await stack.center.orm.em.fork().nativeUpdate(GatePresenceEntity, { gateId: 'G1' }, { lastSeenAt: marked });

  clock.advance(SEEN_WRITE_MS - 2_000);
  await redeem();
  await redeem();
  // Written after those two would have been: G2's first call.
  await manifestOf(stack.gate, { gateId: 'G2' });
  await waitUntil('G2 to be listed', () => gateNamed(stack, 'G2'));
  t.deepEqual((await gateNamed(stack, 'G1'))!.lastSeenAt, marked, 'no write within 5 s of the last');

  clock.advance(2_000);
  await redeem();
  await waitUntil(
    'G1 written again',
    async () => (await gateNamed(stack, 'G1'))!.lastSeenAt!.getTime() > marked.getTime(),
  );
});
