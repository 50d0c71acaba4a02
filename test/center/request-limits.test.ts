/**
 * Bounded, clean input (issue 14): each finding of the outsider's probe, as a
 * request a client could send, answered INVALID_ARGUMENT naming the field —
 * never INTERNAL, never a frozen connection, and never a charge.
 */
import { status } from '@grpc/grpc-js';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import test, { type ExecutionContext } from 'ava';
import { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import { PurchaseTicketsRequest } from '../../gen/cardgate/v1/sales.js';
import { Timestamp } from '../../gen/google/protobuf/timestamp.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { CARDS, createProduct, productRequest, purchaseRequest } from '../helpers/factories.js';
import { rawCall } from '../helpers/raw-call.js';
import { startStack, type Stack } from '../helpers/stack.js';

const DAY = 24 * 3600_000;

/** The status and message of a call that must fail. */
async function refusal(call: Promise<unknown>): Promise<{ code: status; details: string }> {
  try {
    await call;
  } catch (error) {
    const { code, details } = error as { code: status; details: string };
    return { code, details };
  }
  throw new Error('the call was answered OK');
}

async function assertInvalid(t: ExecutionContext, call: Promise<unknown>, field: string, what: string) {
  const { code, details } = await refusal(call);
  t.is(status[code], 'INVALID_ARGUMENT', `${what}: ${details}`);
  t.true(details.includes(field), `${what}: the message names ${field}: ${details}`);
  t.true(details.length < 200, `${what}: the message is short`);
}

const chargesAndOrders = async (stack: Stack) => {
  const em = stack.center.orm.em.fork();
  return { charges: await em.count(ChargeEntity), orders: await em.count(OrderEntity) };
};

test('a 100 kB product_id is INVALID_ARGUMENT in a short message, and the same client goes on working', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  await assertInvalid(t, stack.kiosk.getProduct('P'.repeat(100_000)), 'product_id', 'GetProduct');
  t.is((await stack.kiosk.getProduct(product.id)).id, product.id, 'the next call on the same connection is answered');
});

test('an unknown product id is NOT_FOUND, echoing at most a short prefix of it', async (t) => {
  const stack = await startStack(t);
  const { code, details } = await refusal(stack.kiosk.getProduct(`PRD-${'x'.repeat(60)}`));
  t.is(status[code], 'NOT_FOUND');
  t.regex(details, /^no product "PRD-x+"…$/);
  t.true(details.length < 60);
});

test('a NUL, control character, escape sequence, bidi override or lone surrogate in a buyer name is refused, and nothing is charged', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const before = await chargesAndOrders(stack);
  for (const [what, name] of [
    ['NUL', 'Hanako\u0000Yamada'],
    ['escape sequence', 'Hanako \u001b[2J'],
    ['C1 control', 'Hanako\u009b31m'],
    ['bidi override', 'Hanako \u202eadamaY'],
    ['bidi isolate', 'Hanako \u2066Yamada'],
    ['lone surrogate', 'Hanako \ud83d'],
    ['newline', 'Hanako\nYamada'],
  ] as const) {
    const request = purchaseRequest(product.id, { buyer: { name, email: '' } });
    await assertInvalid(t, stack.kiosk.purchaseTickets(request), 'buyer.name', what);
  }
  await assertInvalid(t, stack.kiosk.getProduct('PRD\u0000x'), 'product_id', 'NUL in an id');
  t.deepEqual(await chargesAndOrders(stack), before, 'no order and no charge attempt');
  t.is((await stack.kiosk.getProduct(product.id)).remaining, 5);
});

test('a buyer name that is not UTF-8 is refused before anything is sold', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const bytes = Buffer.from(
    PurchaseTicketsRequest.encode(purchaseRequest(product.id, { buyer: { name: 'Hanako QQQQ', email: '' } })).finish(),
  );
  const at = bytes.indexOf('QQQQ');
  bytes.set([0xc3, 0x28, 0xff, 0xfe], at);
  const answer = await rawCall(stack.address, stack.tokens.kiosk, '/cardgate.v1.SalesService/PurchaseTickets', bytes);
  t.is(status[answer.code], 'INVALID_ARGUMENT');
  t.regex(answer.details, /buyer\.name.*UTF-8/);
  t.deepEqual(await chargesAndOrders(stack), { charges: 0, orders: 0 });
});

test('a card_id that is not a card UID in hex is refused, at the kiosk and at the gate', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  for (const cardId of ['not-a-card', '04a1b2c3d4e5f6', '04A1B2', '04A1B2C3D4E5F'])
    await assertInvalid(t, stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId })), 'card_id', cardId);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  const ticket = purchase!.tickets[0]!;
  await assertInvalid(
    t,
    stack.gate.redeemTicket({ gateId: 'G1', cardId: 'CARD 1', ticket, dryRun: true }),
    'card_id',
    'RedeemTicket',
  );
});

test('a 3 MB product name is refused before it is read; a long one is INVALID_ARGUMENT; the catalog stays readable', async (t) => {
  const stack = await startStack(t);
  const huge = await refusal(stack.admin.createProduct(productRequest({ name: 'N'.repeat(3_000_000) })));
  t.is(status[huge.code], 'RESOURCE_EXHAUSTED', huge.details);
  await assertInvalid(t, stack.admin.createProduct(productRequest({ name: 'N'.repeat(1_000) })), 'name', 'long name');
  await assertInvalid(
    t,
    stack.admin.createProduct(productRequest({ venueNotes: 'V'.repeat(501) })),
    'venue_notes',
    'long notes',
  );
  t.deepEqual(await stack.kiosk.listProducts(), []);
});

test('CreateProduct refuses what the probe got through, each naming its field', async (t) => {
  const now = Date.now();
  const stack = await startStack(t, { center: { now: () => new Date(now) } });
  const startsAt = new Date(now + 3 * DAY);
  const cases: Array<[string, Parameters<typeof productRequest>[0], string]> = [
    ['currency XYZ', { price: { currencyCode: 'XYZ', amountMinor: 100 } }, 'price.currency_code'],
    ['lower-case currency', { price: { currencyCode: 'eur', amountMinor: 100 } }, 'price.currency_code'],
    ['10,000 gate ids', { gateIds: Array.from({ length: 10_000 }, (_, i) => `G${i}`) }, 'gate_ids'],
    ['an empty gate id', { gateIds: ['North', ''] }, 'gate_ids'],
    ['a gate id with a space', { gateIds: ['North 1'] }, 'gate_ids'],
    ['year 1', { startsAt: new Date('0001-01-01T00:00:00Z') }, 'starts_at'],
    ['year 275760', { startsAt: new Date(8.64e15) }, 'starts_at'],
    ['a start in the past', { startsAt: new Date(now - 60_000) }, 'starts_at'],
    ['sales closing after the start', { startsAt, salesCloseAt: new Date(startsAt.getTime() + 1) }, 'sales_close_at'],
    ['2^31−1 entries', { entriesPerTicket: 2 ** 31 - 1 }, 'entries_per_ticket'],
    ['admission closing year 9000', { admissionClosesAt: new Date('9000-01-01T00:00:00Z') }, 'admission_closes_at'],
  ];
  for (const [what, overrides, field] of cases)
    await assertInvalid(t, stack.admin.createProduct(productRequest(overrides)), field, what);
  t.deepEqual(await stack.kiosk.listProducts(), [], 'no product was created');
});

/** A CreateProductRequest with one field appended as raw bytes (the last occurrence of a field wins). */
function withRawField(field: number, payload: Uint8Array): Uint8Array {
  const base = CreateProductRequest.encode(productRequest({ startsAt: new Date(Date.now() + 3 * DAY) })).finish();
  const extra = new BinaryWriter()
    .uint32((field << 3) | 2)
    .bytes(payload)
    .finish();
  return Buffer.concat([base, extra]);
}

test('Timestamps outside the protobuf range and out-of-range 64-bit values are INVALID_ARGUMENT', async (t) => {
  const stack = await startStack(t);
  const create = (body: Uint8Array) =>
    rawCall(stack.address, stack.tokens.admin, '/cardgate.v1.AdminService/CreateProduct', body);
  const seconds = Math.floor(Date.now() / 1000) + 3 * 86_400;
  for (const nanos of [-1, 2e9]) {
    const answer = await create(withRawField(3, Timestamp.encode({ seconds, nanos }).finish()));
    t.is(status[answer.code], 'INVALID_ARGUMENT', `nanos ${nanos}: ${answer.details}`);
    t.regex(answer.details, /starts_at\.nanos/);
  }
  const money = new BinaryWriter().uint32(10).string('EUR').uint32(16).int64('9223372036854775807').finish();
  const huge = await create(withRawField(4, money));
  t.is(status[huge.code], 'INVALID_ARGUMENT', huge.details);
  t.deepEqual(await stack.kiosk.listProducts(), []);
});

test('bodies that are not protobuf are INVALID_ARGUMENT on every kind of method', async (t) => {
  const stack = await startStack(t);
  const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]);
  for (const [path, token] of [
    ['/cardgate.v1.SalesService/PurchaseTickets', stack.tokens.kiosk],
    ['/cardgate.v1.GateService/RedeemTicket', stack.tokens.gate],
    ['/cardgate.v1.CatalogService/GetProduct', stack.tokens.kiosk],
    ['/cardgate.v1.AdminService/CreateProduct', stack.tokens.admin],
  ] as const) {
    const answer = await rawCall(stack.address, token, path, garbage);
    t.is(status[answer.code], 'INVALID_ARGUMENT', `${path}: ${answer.details}`);
    t.regex(answer.details, /could not be decoded/);
  }
});

test('an idempotency key reused with another card number is INVALID_ARGUMENT and charges nothing more', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin, { capacity: 5 });
  const first = purchaseRequest(product.id);
  t.truthy((await stack.kiosk.purchaseTickets(first)).purchase);
  const before = await chargesAndOrders(stack);
  const other = { ...first, creditCard: { ...first.creditCard!, number: CARDS.declined } };
  await assertInvalid(t, stack.kiosk.purchaseTickets(other), 'idempotency_key', 'another card number');
  t.deepEqual(await chargesAndOrders(stack), before);
  t.truthy((await stack.kiosk.purchaseTickets(first)).purchase, 'the first request still replays');
  t.false(stack.logs().includes(first.creditCard!.number.replace(/\D/g, '')), 'the number is in no log line');
});
