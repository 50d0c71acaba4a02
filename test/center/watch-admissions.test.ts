/**
 * AdminService.WatchAdmissions (SPEC §10): an operator sees every admission, refusal (with its
 * reason), exit and annulment as it happens; a reader too slow is dropped with RESOURCE_EXHAUSTED
 * while the gates keep answering; and on PostgreSQL a center streams what gates did at another.
 */
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import test, { type ExecutionContext } from 'ava';
import { AdminServiceClient, AdmissionResult, type WatchAdmissionsResponse } from '../../gen/cardgate/v1/admin.js';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { CenterClient } from '../../terminal/center-client.js';
import { bearerInterceptor } from '../../terminal/rpc.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { postgresTest } from '../helpers/postgres.js';
import { secondCenter, startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const CARD = '04A1B2C3D4E5F6';
const A = AdmissionResult;

async function buy(stack: Stack): Promise<CardTicket> {
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: CARD }));
  return purchase!.tickets[0]!;
}

const through = (gate: CenterClient, ticket: CardTicket, gateId: string, direction = Direction.DIRECTION_ENTRY) =>
  gate.redeemTicket({ gateId, cardId: CARD, ticket, dryRun: false, direction });

/** Opens a watch and resolves once the center is watching, with what it has streamed so far. */
async function watch(t: ExecutionContext, admin: CenterClient, gateIds: string[] = []) {
  const events: WatchAdmissionsResponse[] = [];
  let ended: ServiceError | undefined;
  let open = false;
  const { stop } = admin.watchAdmissions(
    { gateIds },
    {
      onEvent: (event) => events.push(event),
      onEnd: (error) => (ended = error),
      onOpen: () => (open = true),
    },
  );
  t.teardown(stop);
  await waitUntil('the watch to open', () => open || ended);
  return { events, ended: () => ended };
}

const summary = (e: WatchAdmissionsResponse) =>
  `${A[e.result]} ${e.gateId} ${e.ticketId.slice(0, 3)}${e.reason ? ` ${RejectReason[e.reason]}` : ''}`;

test('an operator sees each admission, refusal with its reason, exit and annulment, with gate, ticket, product and time', async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const { events } = await watch(t, stack.admin);
  await through(stack.gate, ticket, 'G1');
  await through(stack.gate, ticket, 'G2');
  await through(stack.gate, ticket, 'G3', Direction.DIRECTION_EXIT);
  await stack.gate.annulRedemption({ gateId: 'G3', ticketId: ticket.ticket!.ticketId });
  await waitUntil('four events', () => events.length >= 4, { seen: () => events.map(summary).join('\n') });
  t.deepEqual(events.map(summary), [
    'ADMISSION_RESULT_ADMITTED G1 TKT',
    'ADMISSION_RESULT_REFUSED G2 TKT REJECT_REASON_ALREADY_USED',
    'ADMISSION_RESULT_EXITED G3 TKT',
    'ADMISSION_RESULT_ANNULLED G3 TKT',
  ]);
  t.true(events.every((e) => e.ticketId === ticket.ticket!.ticketId && e.productId === ticket.ticket!.productId));
  t.true(events.every((e) => e.at instanceof Date));
  t.is(events[3]!.direction, Direction.DIRECTION_EXIT, 'the annulment says which way the undone movement went');
});

test('a watch for some gates hears only of those; dry runs are not events', async (t) => {
  const stack = await startStack(t);
  const [first, second] = [await buy(stack), await buy(stack)];
  const { events } = await watch(t, stack.admin, ['North']);
  await stack.gate.redeemTicket({ gateId: 'North', cardId: CARD, ticket: first, dryRun: true });
  await through(stack.gate, second, 'South');
  await through(stack.gate, first, 'North');
  await waitUntil('the North admission', () => events.length >= 1);
  // A later South refusal must not appear either: wait for a North one after it.
  await through(stack.gate, second, 'South');
  await through(stack.gate, first, 'North');
  await waitUntil('the North refusal', () => events.length >= 2);
  t.deepEqual(events.map(summary), [
    'ADMISSION_RESULT_ADMITTED North TKT',
    'ADMISSION_RESULT_REFUSED North TKT REJECT_REASON_ALREADY_USED',
  ]);
});

test('a reader that falls behind is dropped with RESOURCE_EXHAUSTED, the gates keep answering, and its stream place is freed', async (t) => {
  const stack = await startStack(t, {
    center: { watchBufferEvents: 10, streamLimits: { perTerminal: 1, total: 10 } },
  });
  const ticket = await buy(stack);
  // A reader with a tiny receive window that reads nothing: the center's messages pile up for it.
  const slow = new AdminServiceClient(stack.address, credentials.createInsecure(), {
    'grpc-node.flow_control_window': 256,
    interceptors: [bearerInterceptor(stack.tokens.admin)],
  });
  t.teardown(() => slow.close());
  const stream = slow.watchAdmissions({ gateIds: [], productIds: [] });
  let opened = false;
  let error: ServiceError | undefined;
  stream.on('metadata', () => (opened = true));
  stream.on('error', (e: ServiceError) => (error = e));
  stream.pause();
  await waitUntil('the slow watch to open', () => opened);

  let answered = 0;
  await waitUntil(
    'the center to drop the slow reader',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const forged = structuredClone(ticket);
          forged.ticket!.ticketId = `TKT-UNKNOWN${answered + i}`;
          return through(stack.gate, forged, 'G1');
        }),
      );
      answered += answers.filter((a) => a.reason === RejectReason.REJECT_REASON_UNKNOWN_TICKET).length;
      return /reader too slow: dropped/.test(stack.logs());
    },
    { timeoutMs: 30_000, everyMs: 50 },
  );
  t.true(answered >= 20, 'every gate was answered meanwhile');
  stream.resume();
  await waitUntil('the slow reader to learn why', () => error);
  t.is(error!.code, status.RESOURCE_EXHAUSTED);
  t.regex(error!.details, /fell more than 10 events behind/);
  // Its place in the stream quota (one per terminal here) is free again.
  const again = await watch(t, stack.admin);
  t.is(again.ended(), undefined);
});

test('a gate may not watch (PERMISSION_DENIED)', async (t) => {
  const stack = await startStack(t);
  const { ended } = await watch(t, stack.gate);
  t.is(ended()?.code, status.PERMISSION_DENIED);
});

postgresTest(
  'on PostgreSQL a center streams the admissions, refusals, exits and annulments made through another center',
  async (t, url) => {
    const stack = await startStack(t, { center: { database: { kind: 'postgres', url } } });
    const { gate: otherGate } = await secondCenter(t, stack, url);
    const ticket = await buy(stack);
    const { events } = await watch(t, stack.admin);
    await through(otherGate, ticket, 'G7');
    await through(otherGate, ticket, 'G8');
    await through(stack.gate, ticket, 'G9');
    await through(otherGate, ticket, 'G7', Direction.DIRECTION_EXIT);
    await otherGate.annulRedemption({ gateId: 'G7', ticketId: ticket.ticket!.ticketId });
    await waitUntil('five events', () => events.length >= 5, { seen: () => events.map(summary).join('\n') });
    t.deepEqual(events.map(summary), [
      'ADMISSION_RESULT_ADMITTED G7 TKT',
      'ADMISSION_RESULT_REFUSED G8 TKT REJECT_REASON_ALREADY_USED',
      'ADMISSION_RESULT_REFUSED G9 TKT REJECT_REASON_ALREADY_USED',
      'ADMISSION_RESULT_EXITED G7 TKT',
      'ADMISSION_RESULT_ANNULLED G7 TKT',
    ]);
  },
);
