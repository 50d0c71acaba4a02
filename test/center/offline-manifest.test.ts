/**
 * GateService.GetGateManifest (SPEC §9): what a gate keeps to decide alone — the center's key,
 * the products still admitting with their rules, the cancelled tickets — and a version that
 * changes exactly when any of that does.
 */
import { status } from '@grpc/grpc-js';
import test from 'ava';
import { presentTicket } from '../../card/admission/presented-ticket.js';
import { judgeAdmission, signatureCheck } from '../../card/admission/judge.js';
import { admissionRules } from '../../card/admission/admission-rules.js';
import { publicKeyFromRaw, verifyCardTicket } from '../../card/signature.js';
import { DAY, HOUR, TestClock } from '../helpers/clock.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { grpcCode } from '../helpers/grpc.js';
import { startStack } from '../helpers/stack.js';
import { manifestOf } from './offline-calls.js';

const CARD = cardUid(1);

test('the manifest holds the key that verifies an issued ticket, the products still admitting and their rules (SPEC §9)', async (t) => {
  const clock = new TestClock();
  const stack = await startStack(t, { center: { now: clock.now } });
  const soon = await createProduct(stack.admin, { name: 'Soon', startsAt: new Date(Date.now() + 2 * HOUR) });
  const later = await createProduct(stack.admin, {
    name: 'Later',
    startsAt: new Date(Date.now() + 10 * DAY),
    gateIds: ['North'],
    entriesPerTicket: 2,
    allowReentry: true,
  });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(later.id, { cardId: CARD }));
  const ticket = purchase!.tickets[0]!;

  const { unchanged, manifest } = await manifestOf(stack.gate);
  t.false(unchanged);
  t.is(manifest!.signingPublicKey.length, 32);
  const key = publicKeyFromRaw(manifest!.signingPublicKey);
  t.true(verifyCardTicket(key, ticket, CARD), 'the key verifies a ticket the center issued');
  t.false(verifyCardTicket(key, ticket, cardUid(2)), 'and not the same ticket on another card');
  t.deepEqual(
    manifest!.products.map((p) => p.name),
    ['Soon', 'Later'],
  );
  const rules = manifest!.products.find((p) => p.id === later.id)!;
  t.deepEqual(rules.gateIds, ['North']);
  t.is(rules.entriesPerTicket, 2);
  t.true(rules.allowReentry);
  t.deepEqual(manifest!.cancelledTicketIds, []);

  // What a gate off line decides with it, through the one judge: the ticket admits at North.
  const verdict = judgeAdmission(
    presentTicket(ticket, CARD, 'North'),
    {
      rules: admissionRules({ ...rules, startsAt: rules.startsAt! }),
      cancelled: false,
      entries: { entriesUsed: 0, firstUsedAt: null, firstUsedGate: null, lastMovement: null },
    },
    clock.now(),
    signatureCheck(key),
  );
  t.true(verdict.admitted);

  // A day after its start "Soon" no longer admits: it leaves the manifest, and the version changes.
  clock.advance(2 * HOUR + DAY + 60_000);
  const after = await manifestOf(stack.gate, { knownVersion: manifest!.version });
  t.false(after.unchanged);
  t.not(after.manifest!.version, manifest!.version);
  t.deepEqual(
    after.manifest!.products.map((p) => p.id),
    [later.id],
  );
  t.false(after.manifest!.products.some((p) => p.id === soon.id));
});

test('a cancelled order puts its tickets in the manifest and changes the version; otherwise unchanged (SPEC §9)', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD, quantity: 2 }));
  const first = await manifestOf(stack.gate);
  t.deepEqual(first.manifest!.cancelledTicketIds, []);

  const again = await manifestOf(stack.gate, { knownVersion: first.manifest!.version });
  t.true(again.unchanged, 'nothing changed: the same version is current');
  t.is(again.manifest, undefined, 'and the answer carries no manifest');

  await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: cardUid(3) }));
  t.true(
    (await manifestOf(stack.gate, { knownVersion: first.manifest!.version })).unchanged,
    'a sale does not change what a gate decides with',
  );

  await stack.admin.cancelOrder({ orderId: purchase!.orderId });
  const cancelled = await manifestOf(stack.gate, { knownVersion: first.manifest!.version });
  t.false(cancelled.unchanged);
  t.not(cancelled.manifest!.version, first.manifest!.version);
  t.deepEqual(cancelled.manifest!.cancelledTicketIds, purchase!.tickets.map((tk) => tk.ticket!.ticketId).sort());

  const created = await createProduct(stack.admin, { name: 'New show' });
  const withNew = await manifestOf(stack.gate, { knownVersion: cancelled.manifest!.version });
  t.false(withNew.unchanged, 'a new product changes the version');
  t.true(withNew.manifest!.products.some((p) => p.id === created.id));
  t.deepEqual(withNew.manifest!.cancelledTicketIds, cancelled.manifest!.cancelledTicketIds);
  t.true((await manifestOf(stack.gate, { knownVersion: withNew.manifest!.version })).unchanged);
});

test('only gates ask for the manifest: a kiosk is refused (PERMISSION_DENIED), a missing gate id is INVALID_ARGUMENT', async (t) => {
  const stack = await startStack(t);
  const kiosk = await manifestOf(stack.kiosk).catch((error: unknown) => error);
  t.is(grpcCode(kiosk), status.PERMISSION_DENIED);
  const noGate = await manifestOf(stack.gate, { gateId: '' }).catch((error: unknown) => error);
  t.is(grpcCode(noGate), status.INVALID_ARGUMENT);
});
