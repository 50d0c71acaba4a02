/** `cardgate charge`: the charge-transfer terminal (the payment simulator) on its own. */
import type { Command } from 'commander';
import { createChargeServer } from '../../charge/server.js';
import { createLogger, stopOnSignal, wholeNumber } from '../options.js';
import { serverTls, serverTlsFlags, type ServerTlsFlags } from '../tls/transport-flags.js';

export function registerChargeCommand(program: Command): void {
  const command = program
    .command('charge')
    .description(
      'run the charge-transfer terminal: a payment processor in test mode (gRPC; no tokens: private network, or mutual TLS)',
    )
    .option('--listen <host:port>', 'address to serve on', '127.0.0.1:50052')
    .option('--latency-ms <ms>', 'simulated processing time of each TransferCharge', wholeNumber('--latency-ms'), 0);
  serverTlsFlags(command).action(async (options: ServerTlsFlags & { listen: string; latencyMs: number }) => {
    const tls = serverTls(options, options.listen);
    const logger = createLogger();
    const server = createChargeServer({ logger, latencyMs: options.latencyMs, tls });
    const port = await server.listen(options.listen);
    // stderr, so stdout stays pure JSON log lines for whatever collects them.
    const security = tls ? (tls.clientCa ? 'mutual TLS' : 'TLS') : 'plain text';
    process.stderr.write(
      `charge-transfer terminal listening on ${options.listen.replace(/:\d+$/, `:${port}`)} (${security})\n`,
    );
    stopOnSignal(() => server.stop());
  });
}
