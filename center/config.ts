/**
 * The center's configuration: one typed object with defaults, built from
 * flags and environment by cli/, overridden by tests.
 */
import type { Logger } from 'pino';
import { pino } from 'pino';
import { DEFAULT_STREAM_LIMITS, type StreamLimits } from './grpc/stream-quota.js';
import { DEFAULT_DECLINE_RULE, type DeclineRule } from './sales/decline-guard.js';

export type DatabaseTarget =
  { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** PEM contents of the server's certificate and key; with clientCa, every client must present a certificate it signed (mutual TLS). */
export interface ServerTls {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly clientCa?: Buffer;
}

/** PEM contents for the center's connection to the charge terminal: the authority to trust, and the center's client certificate. */
export interface ChargeTls {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

export interface CenterConfig {
  /** HOST:PORT to serve gRPC on; port 0 picks a free one. */
  readonly listen: string;
  /** Serve TLS only (SPEC §8); plain text when absent. Health and reflection are on the same port. */
  readonly tls?: ServerTls;
  /** Reach the charge terminal over TLS; plain text when absent. */
  readonly chargeTls?: ChargeTls;
  readonly database: DatabaseTarget;
  /** HOST:PORT of the charge-transfer terminal. */
  readonly charge: string;
  /** How long a purchase waits for the charge terminal before answering PAYMENT_UNAVAILABLE. */
  readonly chargeDeadlineMs: number;
  /** A pending sale older than this was interrupted (crash) and is finished or undone by recovery. */
  readonly staleReservationMs: number;
  /** How often recovery looks for interrupted sales and unconfirmed reversals. */
  readonly sweepIntervalMs: number;
  readonly logger: Logger;
  /** On SIGUSR2, write `handler timings {json}` (server-side latency per RPC, and memory) to stderr and start counting afresh. */
  readonly reportTimingsOnSignal?: boolean;
  /** HOST:PORT to serve Prometheus metrics on (GET /metrics, plain HTTP); none when absent. */
  readonly metricsListen?: string;
  /** How many server streams the center keeps open, per terminal and in all. */
  readonly streamLimits: StreamLimits;
  /** Card-testing defence: this many declines from one terminal within the window refuse its purchases for a cool-down. */
  readonly declineRule: DeclineRule;
  /** WatchAdmissions: events one stream may have waiting for its reader before the center drops it (RESOURCE_EXHAUSTED). */
  readonly watchBufferEvents: number;
  /** How often the center looks in the database for admissions, refusals and annulments to stream (only while watched). */
  readonly watchPollMs: number;
  /** The clock; tests pin it to reach admission windows. */
  readonly now: () => Date;
}

export const DEFAULT_DATABASE = 'sqlite:./data/center.sqlite';

/** Parses `sqlite:PATH`, `postgres://…` or `postgresql://…` (SPEC §5 `--db`). */
export function parseDatabase(spec: string): DatabaseTarget {
  if (spec.startsWith('sqlite:')) {
    const path = spec.slice('sqlite:'.length);
    if (!path) throw new Error(`--db ${spec}: give a file path after "sqlite:"`);
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(spec)) return { kind: 'postgres', url: spec };
  throw new Error(`--db ${redactDatabase(spec)}: expected sqlite:PATH or a postgres:// URL`);
}

/** A database spec fit to print: the password of a URL (`postgres://user:secret@host/db`) becomes `***`. */
export function redactDatabase(spec: string): string {
  return spec.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

export function centerConfig(overrides: Partial<CenterConfig> = {}): CenterConfig {
  const chargeDeadlineMs = overrides.chargeDeadlineMs ?? 5_000;
  return {
    listen: '127.0.0.1:50051',
    database: parseDatabase(DEFAULT_DATABASE),
    charge: '127.0.0.1:50052',
    chargeDeadlineMs,
    staleReservationMs: chargeDeadlineMs + 5_000,
    sweepIntervalMs: 5_000,
    declineRule: DEFAULT_DECLINE_RULE,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    streamLimits: DEFAULT_STREAM_LIMITS,
    watchBufferEvents: 1000,
    watchPollMs: 200,
    ...overrides,
  };
}
