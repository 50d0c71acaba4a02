/**
 * Property-based (fast-check) over the whole API (issue 14): any message of
 * the right shape sent to any RPC, and any bytes at all, are answered OK or
 * with a clear refusal (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION) —
 * never INTERNAL — and no charge is approved without its tickets.
 */
import { status } from '@grpc/grpc-js';
import test from 'ava';
import fc from 'fast-check';
import { CENTER_SERVICES } from '../../center/grpc/introspection.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { requestBytes, service } from '../helpers/message-arbitrary.js';
import { rawCall, rawStream } from '../helpers/raw-call.js';
import { startStack, type Stack } from '../helpers/stack.js';

const CLEAR = new Set(['OK', 'INVALID_ARGUMENT', 'NOT_FOUND', 'FAILED_PRECONDITION']);

/** The token whose role may call a service, so calls get past the role check. */
function tokenFor(stack: Stack, serviceName: string): string {
  if (serviceName.endsWith('AdminService')) return stack.tokens.admin;
  if (serviceName.endsWith('GateService')) return stack.tokens.gate;
  return stack.tokens.kiosk;
}

const METHODS = CENTER_SERVICES.flatMap((name) => service(name).methods.map((method) => ({ service: name, method })));

async function seeded(t: Parameters<typeof startStack>[0]) {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 1000, gateIds: ['G1'] });
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  const known = fc.constantFrom(
    product.id,
    purchase!.orderId,
    purchase!.tickets[0]!.ticket!.ticketId,
    '04A1B2C3D4E5F6',
    'G1',
    'EUR',
    CARDS.approved,
    CARDS.declined,
    '123',
    'Hanako Yamada',
  );
  return { stack, known };
}

async function call(stack: Stack, target: (typeof METHODS)[number], body: Uint8Array) {
  const path = `/${target.service}/${target.method.name}`;
  const token = tokenFor(stack, target.service);
  return target.method.methodKind === 'server_streaming'
    ? rawStream(stack.address, token, path, body)
    : rawCall(stack.address, token, path, body);
}

async function noChargeWithoutTickets(stack: Stack) {
  const em = stack.center.orm.em.fork();
  const approved = await em.find(ChargeEntity, { state: 'approved' });
  for (const charge of approved) {
    const tickets = await em.count(TicketEntity, { orderId: charge.orderId });
    if (tickets === 0) return `charge ${charge.id} was approved for order ${charge.orderId}, which has no tickets`;
  }
  return undefined;
}

test('any well-shaped request to any RPC is answered OK or refused clearly, never INTERNAL', async (t) => {
  const { stack, known } = await seeded(t);
  const target = fc
    .constantFrom(...METHODS)
    .chain((entry) => requestBytes(entry.method.input, known).map((body) => ({ entry, body })));
  const answered = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(target, async ({ entry, body }) => {
      const answer = await call(stack, entry, body);
      const code = status[answer.code]!;
      answered.set(code, (answered.get(code) ?? 0) + 1);
      if (!CLEAR.has(code)) throw new Error(`${entry.method.name}: ${code} ${answer.details}`);
    }),
    { numRuns: 400 },
  );
  t.is(await noChargeWithoutTickets(stack), undefined);
  t.false(stack.logs().includes('"level":50'), 'nothing was logged as an unexpected error');
  t.log(Object.fromEntries(answered));
  t.true((answered.get('OK') ?? 0) > 0, 'some requests get past the checks');
});

test('any bytes at all, to any RPC, are answered OK or refused clearly, never INTERNAL', async (t) => {
  const { stack } = await seeded(t);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...METHODS), fc.uint8Array({ maxLength: 200 }), async (entry, body) => {
      const answer = await call(stack, entry, body);
      if (!CLEAR.has(status[answer.code]!))
        throw new Error(`${entry.method.name}: ${status[answer.code]} ${answer.details}`);
    }),
    { numRuns: 400 },
  );
  t.is(await noChargeWithoutTickets(stack), undefined);
});
