/**
 * Off-line gates with two centers on one PostgreSQL (SPEC §9): both hand out the same manifest
 * version, a gate seen by one is listed by the other, and journals uploaded through both at once
 * are recorded once, with exactly one conflict for a ticket admitted twice.
 */
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { postgresTest } from '../helpers/postgres.js';
import { secondCenter, startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { listGates, manifestOf, offlineEntry, syncOffline } from '../helpers/offline-calls.js';

const CARD = cardUid(11);

postgresTest(
  'two centers on PostgreSQL agree on the manifest and the gates, and record an uploaded journal once (SPEC §9)',
  async (t, url) => {
    const stack = await startStack(t, { center: { database: { kind: 'postgres', url } } });
    const { gate: otherGate } = await secondCenter(t, stack, url);

    const product = await createProduct(stack.admin);
    const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD, quantity: 2 }));
    const [ticket, spare] = purchase!.tickets;

    const here = (await manifestOf(stack.gate, { gateId: 'North', pendingOffline: 2 })).manifest!;
    const there = (await manifestOf(otherGate, { gateId: 'North', pendingOffline: 2, knownVersion: here.version }))
      .unchanged;
    t.true(there, 'the other center computes the same version from the database');
    t.true(here.products.some((p) => p.id === product.id));

    // North polled the other center last: this one lists it, with what it said was waiting.
    await waitUntil('North listed with 2 waiting', async () =>
      (await listGates(stack.admin)).some((g) => g.gateId === 'North' && g.pendingOffline === 2 && !g.offline),
    );

    // North's journal uploaded through both centers at once, and South's admission of the same ticket.
    const at = new Date(Date.now() - 60_000);
    const north = { gateId: 'North', admissions: [offlineEntry(ticket!, CARD, at), offlineEntry(spare!, CARD, at)] };
    const south = { gateId: 'South', admissions: [offlineEntry(ticket!, CARD, new Date(at.getTime() + 1000))] };
    const answers = await Promise.all([
      syncOffline(stack.gate, north),
      syncOffline(otherGate, north),
      syncOffline(otherGate, south),
    ]);
    t.is(answers[0]!.recorded + answers[1]!.recorded, 2, "North's two entries recorded once");
    t.is(answers[0]!.duplicates + answers[1]!.duplicates, 2);
    t.is(
      answers.reduce((n, a) => n + a.conflicts, 0),
      1,
      'one of the two admissions of the single-entry ticket is a conflict',
    );
    const rows = await stack.admin.listRedemptions({ productId: product.id });
    t.is(rows.length, 3);
    t.deepEqual(
      rows
        .filter((r) => r.ticketId === ticket!.ticket!.ticketId)
        .map((r) => r.entryNumber)
        .sort(),
      [1, 2],
    );
    t.true(rows.every((r) => r.offline));

    await stack.admin.cancelOrder({ orderId: purchase!.orderId, force: true });
    const after = await manifestOf(otherGate, { gateId: 'North', knownVersion: here.version });
    t.false(after.unchanged, 'a cancellation through one center changes the version the other computes');
  },
);
