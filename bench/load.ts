/**
 * The load generator, run as its own process so it never shares an event
 * loop with what it measures. Reads a LoadPlan (JSON, argv[2]), drives
 * `concurrency` workers — each its own terminal with its own HTTP/2
 * connection — and prints a LoadResult as JSON on stdout.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { Direction, GateServiceService, RedeemTicketRequest, RedeemTicketResponse } from '../gen/cardgate/v1/gate.js';
import {
  PurchaseTicketsRequest,
  PurchaseTicketsResponse,
  SalesServiceService,
  UnavailabilityReason,
} from '../gen/cardgate/v1/sales.js';
import { ECHO_METHOD, identity } from './echo-method.js';
import { readTickets } from './seed.js';

export interface LoadPlan {
  readonly mode: 'echo' | 'purchase' | 'redeem';
  readonly address: string;
  readonly concurrency: number;
  readonly warmupMs: number;
  /** Measured time (echo, redeem); for purchase, a cap on the whole sale. */
  readonly durationMs: number;
  readonly token?: string;
  readonly productId?: string;
  /** Seats on sale (purchase): how many requests to encode ahead. */
  readonly capacity?: number;
  readonly ticketsFile?: string;
  /** Of every `repeatEvery` redemptions one re-presents the ticket another gate just presented. */
  readonly repeatEvery?: number;
}

export interface LoadResult {
  readonly requests: number;
  /** Calls answered but not in the measured figures (warm-up calls; refusals after a sell-out): they too cost the server CPU. */
  readonly unmeasuredCalls?: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly outcomes: Record<string, number>;
  /** Tickets the gates saw admitted more than once (must be 0). */
  readonly doubleAdmits?: number;
  readonly ticketsUsed?: number;
  /** CPU the load generator itself used, in % of one core: near 100 means it, not the server, was the limit. */
  readonly loadCpuPct?: number;
  /** The load generator's own CPU per measured call (µs), from the measured window only. */
  readonly loadCpuUsPerCall?: number;
}

const plan = JSON.parse(process.argv[2]!) as LoadPlan;
const OPTIONS = { 'grpc.use_local_subchannel_pool': 1 }; // one connection per worker, like separate terminals
/** The terminal's token, made once: grpc-js copies a call's metadata before it adds to it, so calls can share it. */
const METADATA = new Metadata();
if (plan.token) METADATA.set('authorization', `Bearer ${plan.token}`);
const percentile = (sorted: Float64Array, q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0;
const summarize = (
  latencies: number[],
  elapsedMs: number,
  errors: number,
  outcomes: Record<string, number>,
  firstError?: string,
  extra = {},
): LoadResult => {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    rps: (latencies.length / elapsedMs) * 1000,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    errors,
    firstError,
    outcomes,
    ...extra,
  };
};

type Call = () => Promise<string>;
const REDEEM_METHOD = GateServiceService.redeemTicket.path;
const PURCHASE_METHOD = SalesServiceService.purchaseTickets.path;

/** Runs workers for warmup + duration; only calls that start after the warm-up are measured. */
async function timed(makeCall: (worker: number) => Call): Promise<LoadResult> {
  const calls = Array.from({ length: plan.concurrency }, (_, worker) => makeCall(worker));
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let errors = 0;
  let unmeasured = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const measureFrom = start + plan.warmupMs;
  const end = measureFrom + plan.durationMs;
  let cpuFrom = process.cpuUsage();
  // Tells the bench the warm-up is over, so that it starts the server-side figures from here too (processes.ts).
  setTimeout(() => {
    cpuFrom = process.cpuUsage();
    process.send?.('measuring');
  }, plan.warmupMs);
  await Promise.all(
    calls.map(async (call) => {
      for (let t0 = performance.now(); t0 < end; t0 = performance.now()) {
        try {
          const outcome = await call();
          if (t0 >= measureFrom) {
            latencies.push(performance.now() - t0);
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          } else {
            unmeasured++;
          }
        } catch (error) {
          errors++;
          firstError ??= (error as ServiceError).message;
        }
      }
    }),
  );
  return summarize(latencies, performance.now() - measureFrom, errors, outcomes, firstError, {
    ...extraResult(),
    unmeasuredCalls: unmeasured,
    loadCpuUsPerCall: cpuPerCall(cpuFrom, latencies.length),
  });
}

let extraResult = () => ({});

/** µs of this process's CPU since `from`, per call. */
const cpuPerCall = (from: NodeJS.CpuUsage, calls: number) => {
  const { user, system } = process.cpuUsage(from);
  return Math.round((user + system) / Math.max(1, calls));
};

function echo(): Promise<LoadResult> {
  const payload = Buffer.alloc(400, 7);
  return timed(() => {
    const client = new Client(plan.address, credentials.createInsecure(), OPTIONS);
    return () =>
      new Promise((resolve, reject) =>
        client.makeUnaryRequest(ECHO_METHOD, identity, identity, payload, (error: ServiceError | null) =>
          error ? reject(error) : resolve('ok'),
        ),
      );
  });
}

/**
 * Gates presenting tickets. Requests are encoded before the clock starts (as the echo
 * payload is): the load generator shares the machine's two cores with the center, and
 * its own protobuf encoding would otherwise be measured as the center's cost.
 */
function redeem(): Promise<LoadResult> {
  const tickets = readTickets(readFileSync(plan.ticketsFile!));
  const encoded = (gateId: string, index: number) => {
    const { cardId, ticket } = tickets[index]!;
    return Buffer.from(
      RedeemTicketRequest.encode({
        gateId,
        cardId,
        ticket,
        dryRun: false,
        direction: Direction.DIRECTION_ENTRY,
      }).finish(),
    );
  };
  const gate = (n: number) => `G${(n % plan.concurrency) + 1}`;
  const first = tickets.map((_, index) => encoded(gate(index), index));
  const repeat = tickets.map((_, index) => encoded(gate(index + 1), index)); // the same ticket at another gate
  const admits = new Uint8Array(tickets.length);
  const repeatEvery = plan.repeatEvery ?? 8;
  let next = 0;
  let doubleAdmits = 0;
  extraResult = () => ({ doubleAdmits, ticketsUsed: Math.min(next, tickets.length) });
  return timed(() => {
    const client = new Client(plan.address, credentials.createInsecure(), OPTIONS);
    // RedeemTicketResponse: an admission starts with field 1 true (08 01), a rejection with its reason (field 2,
    // tag 0x10): read only as far as the verdict, as for a purchase, and decode in full only what is neither.
    const decode = (bytes: Buffer): Pick<RedeemTicketResponse, 'admitted' | 'reason'> =>
      bytes[0] === 0x08 && bytes[1] === 1
        ? { admitted: true, reason: 0 }
        : bytes[0] === 0x10 && bytes[1]! < 0x80
          ? { admitted: false, reason: bytes[1]! }
          : RedeemTicketResponse.decode(bytes);
    return () => {
      const n = next++;
      const repeated = n % repeatEvery === repeatEvery - 1;
      const index = (repeated ? n - 1 : n) % tickets.length;
      const request = (repeated ? repeat : first)[index]!;
      return new Promise((resolve, reject) =>
        client.makeUnaryRequest(
          REDEEM_METHOD,
          identity,
          decode,
          request,
          METADATA,
          (error: ServiceError | null, response?: Pick<RedeemTicketResponse, 'admitted' | 'reason'>) => {
            if (error || !response) return reject(error);
            if (response.admitted && ++admits[index]! > 1) doubleAdmits++;
            resolve(response.admitted ? 'admitted' : `rejected ${response.reason}`);
          },
        ),
      );
    };
  });
}

/**
 * A hot on-sale: every worker buys one ticket at a time until it is told
 * SOLD_OUT. As for the gates, requests are encoded before the clock starts
 * (enough for every seat and every buyer's refusal), and a response is read
 * only as far as the outcome: the load generator's own protobuf work would
 * otherwise take the machine's cores from the center it measures.
 */
async function purchase(): Promise<LoadResult> {
  const clients = Array.from(
    { length: plan.concurrency },
    () => new Client(plan.address, credentials.createInsecure(), OPTIONS),
  );
  await Promise.all(
    clients.map((client) => new Promise((resolve) => client.waitForReady(Date.now() + 10_000, resolve))),
  );
  const nextYear = new Date().getUTCFullYear() + 1;
  const encode = (n: number) =>
    Buffer.from(
      PurchaseTicketsRequest.encode({
        idempotencyKey: randomUUID(),
        cardId: `04C${String(n).padStart(11, '0')}`,
        buyer: { name: `Buyer ${n}`, email: '' },
        items: [{ productId: plan.productId!, quantity: 1 }],
        creditCard: { number: '4242424242424242', expiryMonth: 12, expiryYear: nextYear, cvc: '123' },
        cardFreeBytes: undefined,
      }).finish(),
    );
  const requests = Array.from({ length: (plan.capacity ?? 0) + plan.concurrency * 2 }, (_, n) => encode(n));
  // PurchaseTicketsResponse: field 1 (tag 0x0a) is the purchase, field 2 the unavailability.
  const outcomeOf = (bytes: Buffer) =>
    bytes[0] === 0x0a ? 'sold' : UnavailabilityReason[PurchaseTicketsResponse.decode(bytes).unavailable?.reason ?? 0];
  const buy = (client: Client, n: number) =>
    new Promise<string>((resolve, reject) =>
      client.makeUnaryRequest(
        PURCHASE_METHOD,
        identity,
        outcomeOf,
        requests[n] ?? encode(n),
        METADATA,
        { deadline: Date.now() + 30_000 },
        (error: ServiceError | null, outcome?: string) => (error || !outcome ? reject(error) : resolve(outcome)),
      ),
    );
  const sold: number[] = [];
  const soldOut: number[] = [];
  const outcomes: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let counter = 0;
  let lastSale = 0;
  const cpuFrom = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() - start < plan.durationMs) {
        const t0 = performance.now();
        try {
          const outcome = await buy(client, counter++);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          if (outcome === 'sold') {
            lastSale = performance.now();
            sold.push(lastSale - t0);
          } else {
            soldOut.push(performance.now() - t0);
            if (outcome === 'UNAVAILABILITY_REASON_SOLD_OUT') return;
          }
        } catch (error) {
          errors++;
          firstError ??= (error as ServiceError).message;
        }
      }
    }),
  );
  // Purchases per second while seats lasted: tickets sold over the time until the last sale was answered.
  const result = summarize(sold, lastSale - start, errors, outcomes, firstError);
  const refusals = Float64Array.from(soldOut).sort();
  return {
    ...result,
    unmeasuredCalls: soldOut.length,
    loadCpuUsPerCall: cpuPerCall(cpuFrom, sold.length + soldOut.length),
    outcomes: { ...outcomes, soldOutP99Ms: percentile(refusals, 0.99) },
  };
}

const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const result = plan.mode === 'echo' ? await echo() : plan.mode === 'redeem' ? await redeem() : await purchase();
const cpu = process.cpuUsage(cpuBefore);
const loadCpuPct = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100);
process.stdout.write(`${JSON.stringify({ ...result, loadCpuPct })}\n`);
process.exit(0);
