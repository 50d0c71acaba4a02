import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { centerConfig, parseDatabase, redactDatabase } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { DEFAULT_STREAM_LIMITS } from '../../center/grpc/stream-quota.js';
import { createLogger, dbOption, stopOnSignal, wholeNumber } from '../options.js';
import { chargeTls, clientTlsFlags, serverTls, serverTlsFlags, type ServerTlsFlags } from '../tls/transport-flags.js';

interface CenterOptions extends ServerTlsFlags {
  listen: string;
  db: string;
  charge: string;
  chargeDeadlineMs: string;
  reportTimings: boolean;
  maxStreams: number;
  metricsListen?: string;
  maxStreamsPerTerminal: number;
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
    .option('--charge-deadline-ms <ms>', 'how long a purchase waits for the charge terminal', '5000')
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
      const center = await createCenter(
        centerConfig({
          listen: options.listen,
          tls,
          chargeTls: towardsCharge,
          database: parseDatabase(options.db),
          charge: options.charge,
          chargeDeadlineMs: Number(options.chargeDeadlineMs),
          reportTimingsOnSignal: options.reportTimings,
          metricsListen: options.metricsListen,
          streamLimits: { total: options.maxStreams, perTerminal: options.maxStreamsPerTerminal },
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
