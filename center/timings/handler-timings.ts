/**
 * Server-side latency of each RPC (handler start to answer), kept as a
 * fixed-bucket histogram per method: two clock reads and an array increment
 * per call, so it can stay on in production. `cardgate center` prints a
 * snapshot on SIGUSR2 (the benchmark reads server-side p99 from it).
 */
import { constants, monitorEventLoopDelay, PerformanceObserver, type NodeGCPerformanceDetail } from 'node:perf_hooks';

const BUCKET_MS = 0.05;
const BUCKETS = 40_000; // 0-2 s at 50 µs resolution; slower calls land in the last bucket

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
};

export interface MethodTimings {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export class HandlerTimings {
  private readonly methods = new Map<string, { buckets: Uint32Array; count: number; maxMs: number }>();
  /** How late the event loop ran its callbacks (GC pauses, long batches): every call waits behind those. */
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 1 });

  /** Garbage-collection pauses, as `gc.minor`, `gc.major`, … (a call that lands in one waits it out). */
  private readonly gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind } = (entry as unknown as { detail: NodeGCPerformanceDetail }).detail;
      this.record(`gc.${GC_KINDS[kind] ?? kind}`, entry.duration);
    }
  });

  constructor() {
    this.loopDelay.enable();
    this.loopDelay.reset();
    this.gc.observe({ entryTypes: ['gc'] });
  }

  record(method: string, ms: number): void {
    let entry = this.methods.get(method);
    if (!entry) this.methods.set(method, (entry = { buckets: new Uint32Array(BUCKETS), count: 0, maxMs: 0 }));
    entry.buckets[Math.min(BUCKETS - 1, Math.floor(ms / BUCKET_MS))]!++;
    entry.count++;
    if (ms > entry.maxMs) entry.maxMs = ms;
  }

  /** Percentiles per method since the last reset (upper bucket edges, so never optimistic). */
  snapshot(): Record<string, MethodTimings> {
    const result: Record<string, MethodTimings> = {};
    for (const [method, { buckets, count, maxMs }] of this.methods) {
      const at = (q: number) => {
        const rank = Math.ceil(q * count);
        let seen = 0;
        for (let i = 0; i < BUCKETS; i++) {
          seen += buckets[i]!;
          if (seen >= rank) return Math.min(maxMs, (i + 1) * BUCKET_MS);
        }
        return maxMs;
      };
      result[method] = { count, p50Ms: at(0.5), p99Ms: at(0.99), maxMs };
    }
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    result.eventLoopDelay = {
      count: this.loopDelay.count,
      p50Ms: ms(this.loopDelay.percentile(50)),
      p99Ms: ms(this.loopDelay.percentile(99)),
      maxMs: ms(this.loopDelay.max),
    };
    return result;
  }

  /** Stops sampling the event loop and the collector. */
  close(): void {
    this.loopDelay.disable();
    this.gc.disconnect();
  }

  reset(): void {
    this.methods.clear();
    this.loopDelay.reset();
  }
}

/** Reports the time since the previous mark as `<method>.<stage>`: where a call's time goes. */
export function stageTimer(timings: HandlerTimings | undefined, method: string): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    timings?.record(`${method}.${stage}`, now - last);
    last = now;
  };
}
