/**
 * Where a center's CPU goes, per stage (issue 19): reads a V8 CPU profile
 * written by a bench run with `BENCH_CENTER_NODE_ARGS="--cpu-prof
 * --cpu-prof-dir=DIR"` and prints, for the purchase phase and the redemption
 * phase, the share of busy CPU time in each stage — decode, auth, validation,
 * ORM, SQL, signing, logging, encode, transport, garbage collection.
 *
 *   npx tsx bench/cpu-breakdown.ts DIR/CPU.*.cpuprofile [--purchases N] [--redemptions N]
 *
 * With the phases' call counts, it prints µs per call as well.
 *
 * A sample is put in the stage of the innermost frame that names one (a
 * crypto call inside the authenticator is auth; one inside the signer is
 * signing). A sample belongs to the phase whose handler is on its stack;
 * samples without a handler (transport, GC) go to the phase of the 250 ms
 * window they fall in.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

type Phase = 'purchase' | 'redemption';

/** Stages, tried innermost frame first; the first rule that matches a frame names the sample's stage. */
const STAGES: readonly (readonly [stage: string, test: (frame: CallFrame) => boolean])[] = [
  ['startup', (f) => /node:internal\/(modules|deps\/cjs-module-lexer|bootstrap)/.test(f.url)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['auth', (f) => /\/center\/auth\//.test(f.url)],
  [
    'validation',
    (f) => /\/center\/grpc\/(request-limits|timestamp-bounds)|\/card\/text\.|validate-purchase/.test(f.url),
  ],
  ['signing', (f) => /\/card\/signature\.|\/center\/signing\//.test(f.url) || f.functionName === 'signOneShot'],
  ['logging', (f) => /node_modules\/(pino|sonic-boom|thread-stream)/.test(f.url)],
  ['ORM', (f) => /node_modules\/(@mikro-orm|knex)\//.test(f.url)],
  [
    'SQL (driver)',
    (f) => /node_modules\/(better-sqlite3|pg|pg-protocol)\/|\/center\/db\/(sqlite-statements|raw-sql)\./.test(f.url),
  ],
  ['decode / encode', (f) => /\/gen\/|@bufbuild\/protobuf|wire\/binary-encoding/.test(f.url)],
  ['transport (gRPC, HTTP/2)', (f) => /@grpc\/grpc-js|node:internal\/(http2|net|stream_base|streams)/.test(f.url)],
  ['metrics', (f) => /node_modules\/prom-client|\/center\/metrics\//.test(f.url)],
  ['center logic', (f) => /\/(center|card)\//.test(f.url)],
];

const HANDLERS: readonly (readonly [Phase, RegExp])[] = [
  ['purchase', /^(purchaseTickets|sell|reserve|issue)/],
  ['redemption', /^(redeemTicket|admit|judge)/],
];

function stageOf(stack: readonly CallFrame[]): string {
  if (stack[0]?.functionName === '(program)') return 'native, not attributed';
  for (const frame of stack) for (const [stage, test] of STAGES) if (test(frame)) return stage;
  return 'other (Node.js internals)';
}

function phaseOf(stack: readonly CallFrame[]): Phase | undefined {
  for (const frame of stack) {
    if (!/\/center\//.test(frame.url)) continue;
    for (const [phase, name] of HANDLERS) if (name.test(frame.functionName)) return phase;
  }
  return undefined;
}

function breakdown(profile: Profile) {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const stackOf = (id: number) => {
    const frames: CallFrame[] = [];
    for (let node = byId.get(id); node; node = parent.get(node.id)) frames.push(node.callFrame);
    return frames;
  };

  const WINDOW_US = 250_000;
  const samples: { window: number; stage: string; phase: Phase | undefined; us: number }[] = [];
  const windowVotes = new Map<number, Record<Phase, number>>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const stack = stackOf(id);
    if (stack[0]?.functionName === '(idle)') return;
    const window = Math.floor(t / WINDOW_US);
    const phase = phaseOf(stack);
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample's time runs until the next one
    samples.push({ window, stage: stageOf(stack), phase, us });
    if (phase) {
      const votes = windowVotes.get(window) ?? { purchase: 0, redemption: 0 };
      votes[phase] += us;
      windowVotes.set(window, votes);
    }
  });
  const windowPhase = (window: number): Phase | undefined => {
    const votes = windowVotes.get(window);
    if (!votes || votes.purchase + votes.redemption === 0) return undefined;
    return votes.purchase >= votes.redemption ? 'purchase' : 'redemption';
  };

  const totals: Record<Phase, Map<string, number>> = { purchase: new Map(), redemption: new Map() };
  for (const sample of samples) {
    const phase = sample.phase ?? windowPhase(sample.window);
    if (!phase || sample.stage === 'startup') continue;
    totals[phase].set(sample.stage, (totals[phase].get(sample.stage) ?? 0) + sample.us);
  }
  return totals;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { purchases: { type: 'string' }, redemptions: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('usage: cpu-breakdown PROFILE.cpuprofile [--purchases N] [--redemptions N]');
  process.exit(2);
}
const totals = breakdown(JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile);
const calls: Record<Phase, number | undefined> = {
  purchase: values.purchases ? Number(values.purchases) : undefined,
  redemption: values.redemptions ? Number(values.redemptions) : undefined,
};
for (const phase of ['purchase', 'redemption'] as const) {
  const stages = [...totals[phase]].sort((a, b) => b[1] - a[1]);
  const busy = stages.reduce((sum, [, us]) => sum + us, 0);
  const n = calls[phase];
  console.log(`\n${phase}: ${(busy / 1000).toFixed(0)} ms busy${n ? `, ${(busy / n).toFixed(0)} µs per call` : ''}`);
  for (const [stage, us] of stages) {
    const perCall = n ? `${(us / n).toFixed(0).padStart(6)} µs` : '';
    console.log(`  ${stage.padEnd(28)} ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${perCall}`);
  }
}
