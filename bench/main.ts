/**
 * `npm run bench [-- --quick] [-- --db postgres://…]` (SPEC §7): the echo
 * baseline, a hot on-sale and a stadium of gates in one run, each driven by
 * a separate load-generator process over loopback; invariants checked in
 * the database afterwards; then card-to-verdict at a gate through PC/SC
 * (card-to-verdict.ts) when pcscd and vpcd are there; a table on stdout and
 * bench/results/latest.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDatabase, redactDatabase, type DatabaseTarget } from '../center/config.js';
import { createPostgresDatabase, dropPostgresDatabase } from '../center/db/postgres-databases.js';
import { measureCardGate } from './card-gate.js';
import { checkInvariants } from './check.js';
import type { LoadResult } from './load.js';
import { CLI, cpuSeconds, handlerTimings, runLoad, sampleRss, startListening } from './processes.js';
import { printTable } from './report.js';
import { seed, WARMUP_SEATS } from './seed.js';
import { watchAvailability } from './watchers.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'skip-purchase': { type: 'boolean', default: false },
    // Kiosks watching seats left after the load (issue 19: RSS within 200 MB with 2,000 of them open).
    watchers: { type: 'string', default: '2000' },
    db: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'results/latest.json') },
  },
});
const GATES = 32;
const WATCHERS = Number(flags.watchers);
// The heap as README.md "Performance" says to run the center: old space capped, young generation at 8 MB.
const CENTER_HEAP = ['--max-old-space-size=96', '--max-semi-space-size=8'];
const BUYERS = 256;
const size = flags.quick
  ? {
      echoMs: 3_000,
      warmupMs: 500,
      hotCapacity: 3_000,
      saleCapMs: 15_000,
      redeemMs: 5_000,
      gateTickets: 30_000,
      presentations: 10,
    }
  : {
      echoMs: 10_000,
      warmupMs: 1_000,
      hotCapacity: 20_000,
      saleCapMs: 60_000,
      redeemMs: 20_000,
      gateTickets: 120_000,
      presentations: 60,
    };

const started = Date.now();
const loadBefore = loadavg();
const dir = mkdtempSync(join(tmpdir(), 'cardgate-bench-'));
let dropDatabase = async () => {};
/** Server CPU per answered call (warm-up calls included, so a slight overestimate). */
const cpuMicros = (seconds: number, result: LoadResult) =>
  Math.round((seconds * 1e6) / Math.max(1, result.requests + (result.unmeasuredCalls ?? 0)));
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
/**
 * The rate this machine's cores could carry at a phase's CPU per call (center, charge terminal and
 * load generator together) if nothing else ran and no core ever idled: an upper bound on what the
 * phase can measure here, and its ratio to echo the bound on the ratio. A ratio far below its
 * bound says cores idled (a thread was the limit); one near it says only less CPU per call helps.
 */
const cpuCeiling = (usPerCall: number, echoRps: number) => {
  const rps = (cpus().length * 1e6) / Math.max(1, usPerCall);
  return { rps: round(rps, 0), ratio: round(rps / echoRps, 3) };
};
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

try {
  // 1. The baseline, at both concurrencies the targets compare against.
  const echoServer = await startListening(join(import.meta.dirname, 'echo-server.ts'), []);
  const echo = async (concurrency: number) => {
    const cpu = cpuSeconds(echoServer.child.pid!);
    const result = await runLoad<LoadResult>({
      mode: 'echo',
      address: echoServer.address,
      concurrency,
      warmupMs: size.warmupMs,
      durationMs: size.echoMs,
    });
    const perCall = cpuMicros(cpuSeconds(echoServer.child.pid!) - cpu, result);
    log(
      `echo x${concurrency}: ${result.rps.toFixed(0)}/s, server ${perCall} µs CPU per call, load generator at ${result.loadCpuPct}% CPU`,
    );
    return { ...result, serverCpuUs: perCall };
  };
  const echo32 = await echo(GATES);
  const echo256 = await echo(BUYERS);
  await echoServer.stop();

  // 2. A fresh database with tokens, the hot product and the gates' tickets.
  let target: DatabaseTarget;
  if (flags.db) {
    const name = `cg_bench_${Date.now().toString(36)}`;
    const url = await createPostgresDatabase(flags.db, name).catch((error: Error) => {
      // Nothing else has started yet: say what to pass instead of a driver's stack trace.
      console.error(
        `--db ${redactDatabase(flags.db!)}: cannot create the bench's database there (${error.message}); name a server and a database that exists, e.g. postgres://USER:PASSWORD@HOST/postgres`,
      );
      rmSync(dir, { recursive: true, force: true });
      process.exit(2);
    });
    target = parseDatabase(url);
    dropDatabase = () => dropPostgresDatabase(flags.db!, name);
  } else {
    target = { kind: 'sqlite', path: join(dir, 'center.sqlite') };
  }
  const dbSpec = target.kind === 'sqlite' ? `sqlite:${target.path}` : target.url;
  const seeded = await seed(target, size.hotCapacity, size.gateTickets, join(dir, 'tickets.bin'));
  log(`seeded ${size.gateTickets} gate tickets and a product of ${size.hotCapacity} seats (${target.kind})`);

  // 3. The charge terminal and the center, each its own process.
  const charge = await startListening(CLI, ['charge', '--listen', '127.0.0.1:0', '--db', join(dir, 'charge.sqlite')]);
  // The center runs with the heap cap the README gives for production (its live heap is 30-50 MB; uncapped,
  // V8 lets garbage grow it past 200 MB under this load). BENCH_CENTER_NODE_ARGS (e.g. "--cpu-prof") add to it.
  const centerNodeArgs = [...CENTER_HEAP, ...(process.env.BENCH_CENTER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const center = await startListening(
    CLI,
    [
      ...['center', '--listen', '127.0.0.1:0', '--db', dbSpec, '--charge', charge.address, '--report-timings'],
      ...['--max-streams-per-terminal', String(Math.max(1, WATCHERS)), '--max-streams', String(WATCHERS + 100)],
    ],
    centerNodeArgs,
  );
  log(`center idle RSS ${sampleRss(center.child.pid!).stop().toFixed(0)} MB`);
  const rss = sampleRss(center.child.pid!);
  // --skip-purchase (for profiling the gates alone) leaves the sale out; the result then shows 0 purchases.
  const skipSale = flags['skip-purchase'];
  const sell = (productId: string, capacity: number) =>
    runLoad<LoadResult>({
      mode: 'purchase',
      address: center.address,
      concurrency: BUYERS,
      warmupMs: 0,
      durationMs: size.saleCapMs,
      token: seeded.kioskToken,
      productId,
      capacity,
    });
  // A small sale first, unmeasured, as the echo and the gates get a warm-up: a cold center spends the
  // first thousand purchases compiling, which a 3000-seat --quick sale would count against it.
  if (!skipSale) log(`warm-up sale: ${(await sell(seeded.warmupProductId, WARMUP_SEATS)).rps.toFixed(0)}/s`);
  await handlerTimings(center); // reset

  const centerCpu = () => cpuSeconds(center.child.pid!);
  const chargeCpu = () => cpuSeconds(charge.child.pid!);
  const [saleCenterCpu, saleChargeCpu] = [centerCpu(), chargeCpu()];
  const sale = skipSale
    ? { requests: 0, rps: 0, p50Ms: 0, p99Ms: 0, errors: 0, outcomes: {} }
    : await sell(seeded.hotProductId, size.hotCapacity);
  const saleCpu = {
    center: cpuMicros(centerCpu() - saleCenterCpu, sale),
    charge: cpuMicros(chargeCpu() - saleChargeCpu, sale),
  };
  log(`purchase CPU per call: center ${saleCpu.center} µs, charge terminal ${saleCpu.charge} µs`);
  const saleTimings = await handlerTimings(center);
  const saleServer = saleTimings.PurchaseTickets;
  log(`center after the sale: ${JSON.stringify(saleTimings)}`);
  log(
    `purchase x${BUYERS}: ${sale.rps.toFixed(0)}/s ${JSON.stringify(sale.outcomes)}, load generator at ${sale.loadCpuPct}% CPU`,
  );

  const gateCenterCpu = centerCpu();
  // The center's figures start where the load generator's do: the warm-up's (first compilations, first
  // statements prepared) are asked for and dropped when it ends.
  let warmupTimings: Promise<unknown> = Promise.resolve();
  const gates = await runLoad<LoadResult>(
    {
      mode: 'redeem',
      address: center.address,
      concurrency: GATES,
      warmupMs: size.warmupMs,
      durationMs: size.redeemMs,
      token: seeded.gateToken,
      ticketsFile: join(dir, 'tickets.bin'),
    },
    () => (warmupTimings = handlerTimings(center)),
  );
  await warmupTimings;
  const redeemCpu = cpuMicros(centerCpu() - gateCenterCpu, gates);
  log(`redeem CPU per call: center ${redeemCpu} µs`);
  const gateTimings = await handlerTimings(center);
  const gateServer = gateTimings.RedeemTicket;
  log(`center after the gates: ${JSON.stringify(gateTimings)}`);
  log(
    `redeem x${GATES}: ${gates.rps.toFixed(0)}/s ${JSON.stringify(gates.outcomes)}, load generator at ${gates.loadCpuPct}% CPU`,
  );
  const centerRssMb = rss.stop();
  // Then the kiosks watching seats left: the center's RSS with that many streams open (each has had its first update).
  const streamsRss = sampleRss(center.child.pid!);
  const watchers = await watchAvailability(center.address, seeded.kioskToken, WATCHERS);
  const watched = { ...watchers.close(), center_rss_mb: round(streamsRss.stop(), 1) };
  log(`${WATCHERS} WatchAvailability streams: center RSS ${watched.center_rss_mb} MB`);
  await center.stop();
  await charge.stop();

  // 4. The invariants, from the database.
  const checked = await checkInvariants(target, seeded.hotProductId);

  // 5. One gate, one card, through pcscd (its own center on SQLite: this is about the card path).
  const cardGate = await measureCardGate(size.presentations, log);
  const result = {
    echo_rps: round(echo32.rps, 0),
    echo_rps_256: round(echo256.rps, 0),
    purchase_rps: round(sale.rps, 0),
    redeem_rps: round(gates.rps, 0),
    purchase_p50_ms: round(saleServer?.p50Ms ?? 0),
    purchase_p99_ms: round(saleServer?.p99Ms ?? 0),
    purchase_client_p50_ms: round(sale.p50Ms),
    purchase_client_p99_ms: round(sale.p99Ms),
    redeem_p50_ms: round(gateServer?.p50Ms ?? 0),
    redeem_p99_ms: round(gateServer?.p99Ms ?? 0),
    redeem_client_p50_ms: round(gates.p50Ms),
    redeem_client_p99_ms: round(gates.p99Ms),
    echo_p99_ms: round(echo32.p99Ms),
    purchase_ratio: round(sale.rps / echo256.rps, 3),
    redeem_ratio: round(gates.rps / echo32.rps, 3),
    cpu_us_per_call: {
      echo_server: echo32.serverCpuUs,
      purchase_center: saleCpu.center,
      purchase_charge: saleCpu.charge,
      redeem_center: redeemCpu,
      load_generator: {
        echo: echo32.loadCpuUsPerCall ?? 0,
        purchase: sale.loadCpuUsPerCall ?? 0,
        redeem: gates.loadCpuUsPerCall ?? 0,
      },
    },
    cpu_ceiling: {
      redeem: cpuCeiling(redeemCpu + (gates.loadCpuUsPerCall ?? 0), echo32.rps),
      purchase: cpuCeiling(saleCpu.center + saleCpu.charge + (sale.loadCpuUsPerCall ?? 0), echo256.rps),
    },
    // The center's garbage-collection pauses while the gates ran: every call in flight waits one out.
    redeem_gc_pauses: Object.fromEntries(
      ['minor', 'major'].map((kind) => {
        const pauses = gateTimings[`gc.${kind}`];
        return [
          kind,
          { count: pauses?.count ?? 0, p50_ms: round(pauses?.p50Ms ?? 0), max_ms: round(pauses?.maxMs ?? 0) },
        ];
      }),
    ) as Record<'minor' | 'major', { count: number; p50_ms: number; max_ms: number }>,
    oversold: checked.oversold,
    stock_mismatch: checked.stockMismatch,
    approved_without_tickets: checked.approvedWithoutTickets,
    double_admits: checked.doubleAdmits + (gates.doubleAdmits ?? 0),
    center_rss_mb: round(centerRssMb, 1),
    watchers: watched,
    card_to_verdict: cardGate,
    sold: checked.sold,
    capacity: checked.capacity,
    purchase_outcomes: sale.outcomes,
    redeem_outcomes: gates.outcomes,
    redemptions: checked.redemptions,
    errors: {
      echo: echo32.errors + echo256.errors,
      purchase: sale.errors,
      redeem: gates.errors,
      first: sale.firstError ?? gates.firstError ?? null,
    },
    concurrency: { gates: GATES, buyers: BUYERS },
    mode: flags.quick ? 'quick' : 'full',
    center_node_options: centerNodeArgs.join(' '),
    database: target.kind,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory_gb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      loadavg_before: loadBefore.map((n) => round(n)),
      loadavg_after: loadavg().map((n) => round(n)),
    },
    measured_at: new Date().toISOString(),
    duration_s: round((Date.now() - started) / 1000, 1),
  };
  mkdirSync(join(flags.out!, '..'), { recursive: true });
  writeFileSync(flags.out!, `${JSON.stringify(result, null, 2)}\n`);
  printTable(result);
  process.stdout.write(`wrote ${flags.out}\n`);
} finally {
  await dropDatabase().catch((error) => log(`could not drop the bench database: ${error}`));
  rmSync(dir, { recursive: true, force: true });
  // Everything is closed by now, so the process should end by itself. Once (in ~100 runs) it did not, after the
  // card-to-verdict part: say so, rather than hang a script that waits for the bench, and end.
  setTimeout(() => {
    log(`still running 5 s after the end, held by: ${process.getActiveResourcesInfo().join(', ')}; exiting`);
    process.exit(process.exitCode ?? 0);
  }, 5_000).unref();
}
