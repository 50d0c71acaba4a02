import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { centerConfig, parseDatabase, redactDatabase } from '../../center/config.js';
import { DEFAULT_STREAM_LIMITS } from '../../center/grpc/stream-quota.js';
import { createLogger, dbOption, stopOnSignal, wholeNumber } from '../options.js';
import { DEFAULT_DECLINE_RULE } from '../../center/sales/decline-guard.js';
import { chargeTls, clientTlsFlags, serverTls, serverTlsFlags, type ServerTlsFlags } from '../tls/transport-flags.js';

interface CenterOptions extends ServerTlsFlags {
  listen: string;
  db: string;
  charge: string;
  chargeDeadlineMs: number;
  reportTimings: boolean;
  maxStreams: number;
  metricsListen?: string;
  maxStreamsPerTerminal: number;
  declineLimit: number;
  declineWindowS: number;
  createDatabase: boolean;
  chargeTlsCa?: string;
  chargeTlsCert?: string;
  chargeTlsKey?: string;
}

export function registerCenterCommand(program: Command): void {
  const command = program
    .command('center')
    .description('run the sales center (gRPC)')
    .option('--listen <host:port>', 'address to serve on', '127.0.0.1:50051')
    .addOption(dbOption())
    .option('--charge <host:port>', 'the charge-transfer terminal', '127.0.0.1:50052');
  serverTlsFlags(command);
  clientTlsFlags(command, 'charge-', undefined)
    .option(
      '--charge-deadline-ms <ms>',
      'how long a purchase waits for the charge terminal',
      wholeNumber('--charge-deadline-ms', 1),
      5000,
    )
    .option(
      '--create-database',
      'create the PostgreSQL database of --db when it does not exist (without it, a missing one is an error)',
      false,
    )
    .option('--metrics-listen <host:port>', 'serve Prometheus metrics over plain HTTP at http://HOST:PORT/metrics')
    .option(
      '--max-streams <n>',
      'server streams (WatchAvailability) open at once, all terminals together',
      wholeNumber('--max-streams', 1),
      DEFAULT_STREAM_LIMITS.total,
    )
    .option(
      '--max-streams-per-terminal <n>',
      'server streams one terminal may hold open at once',
      wholeNumber('--max-streams-per-terminal', 1),
      DEFAULT_STREAM_LIMITS.perTerminal,
    )
    .option(
      '--decline-limit <n>',
      "card testing: after this many declined cards from one terminal within the window, refuse that terminal's purchases for a cool-down as long as the window (0: off)",
      wholeNumber('--decline-limit', 0),
      DEFAULT_DECLINE_RULE.limit,
    )
    .option(
      '--decline-window-s <seconds>',
      'the sliding window of --decline-limit, and the length of the cool-down',
      wholeNumber('--decline-window-s', 1),
      DEFAULT_DECLINE_RULE.windowMs / 1000,
    )
    .option(
      '--report-timings',
      'on SIGUSR2, print server-side latency per RPC since the last report to stderr (npm run bench uses it)',
      false,
    )
    .action(async (options: CenterOptions) => {
      const tls = serverTls(options, options.listen);
      const towardsCharge = chargeTls(options, options.charge, Boolean(options.insecure));
      // During a hot sale, objects from allocation sites the gates share with the sale live through
      // scavenges, and V8 starts allocating them straight into the old generation. At the gates afterwards
      // they die young there, and the center paused for a mark-compact every ~0.5 s (5-20 ms each). Set
      // before the center starts; the bench's GC figures show it takes effect here (README, Performance).
      setFlagsFromString('--no-allocation-site-pretenuring');
      const logger = createLogger();
      const database = parseDatabase(options.db);
      if (database.kind === 'postgres') {
        // Loaded only for PostgreSQL; the center opens the database itself and refuses a missing one.
        const { ensurePostgresDatabase } = await import('../../center/db/postgres-databases.js');
        if (options.createDatabase && (await ensurePostgresDatabase(database.url, true)).created)
          process.stderr.write(`created the database ${new URL(database.url).pathname.slice(1)}\n`);
      }
      // Loaded here, not at start: other commands of the binary need none of the center.
      const { createCenter } = await import('../../center/server.js');
      const center = await createCenter(
        centerConfig({
          listen: options.listen,
          tls,
          chargeTls: towardsCharge,
          database,
          charge: options.charge,
          chargeDeadlineMs: options.chargeDeadlineMs,
          reportTimingsOnSignal: options.reportTimings,
          metricsListen: options.metricsListen,
          streamLimits: { total: options.maxStreams, perTerminal: options.maxStreamsPerTerminal },
          declineRule: { limit: options.declineLimit, windowMs: options.declineWindowS * 1000 },
          logger,
        }),
      );
      const port = await center.listen();
      const security = tls ? (tls.clientCa ? 'mutual TLS' : 'TLS') : 'plain text';
      process.stderr.write(
        `sales center listening on ${options.listen.replace(/:\d+$/, `:${port}`)} (${security}, ${redactDatabase(options.db)})\n`,
      );
      const metricsPort = center.metricsPort();
      if (options.metricsListen && metricsPort !== undefined) {
        process.stderr.write(
          `metrics on http://${options.metricsListen.replace(/:\d+$/, `:${metricsPort}`)}/metrics\n`,
        );
      }
      stopOnSignal(() => center.stop());
    });
}
