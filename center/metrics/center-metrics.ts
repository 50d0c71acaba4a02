/**
 * The center's Prometheus metrics (SPEC §10), through prom-client: what was
 * sold and refused, who was admitted or turned away at which gate, how long
 * each RPC took, and the process metrics prom-client collects (CPU, memory,
 * event-loop lag, GC). Counting is a map lookup and an increment per call;
 * the text format is only built when /metrics is scraped.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** A gate id the center has not seen yet is a new label value; past this many, gates are counted as "other". */
const MAX_GATE_LABELS = 200;

export class CenterMetrics {
  readonly registry = new Registry();
  private readonly purchases = new Counter({
    name: 'cardgate_purchases_total',
    help: 'Purchases answered, by outcome: issued, or the unavailability reason (sold_out, payment_declined, ...)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly redemptions = new Counter({
    name: 'cardgate_redemptions_total',
    help: 'Redemptions answered (not dry runs), by result (admitted, rejected), reason and gate',
    labelNames: ['result', 'reason', 'gate'] as const,
    registers: [this.registry],
  });
  private readonly rpcDuration = new Histogram({
    name: 'cardgate_rpc_duration_seconds',
    help: 'Server-side time of each unary RPC, handler start to answer',
    labelNames: ['method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly offlineEntries = new Counter({
    name: 'cardgate_offline_entries_total',
    help: 'Off-line journal entries uploaded by gates (SyncOfflineAdmissions), by outcome (admitted, exited, conflict, refused, duplicate) and gate',
    labelNames: ['outcome', 'gate'] as const,
    registers: [this.registry],
  });
  private readonly gates = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cardgate_center_' });
  }

  purchase(outcome: string): void {
    this.purchases.inc({ outcome });
  }

  redemption(admitted: boolean, reason: string, gate: string): void {
    this.redemptions.inc({
      result: admitted ? 'admitted' : 'rejected',
      reason: admitted ? '' : reason,
      gate: this.gateLabel(gate),
    });
  }

  /** One uploaded off-line journal entry and what became of it (admission/offline-sync.ts). */
  offlineEntry(outcome: string, gate: string): void {
    this.offlineEntries.inc({ outcome, gate: this.gateLabel(gate) });
  }

  private gateLabel(gate: string): string {
    if (!this.gates.has(gate) && this.gates.size < MAX_GATE_LABELS) this.gates.add(gate);
    return this.gates.has(gate) ? gate : 'other';
  }

  rpc(method: string, ms: number): void {
    this.rpcDuration.observe({ method }, ms / 1000);
  }
}
