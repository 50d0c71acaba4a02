/** `cardgate charge`: the charge-transfer terminal (the payment simulator) on its own. */
import { InvalidArgumentError, type Command } from 'commander';
import { createLogger, stopOnSignal, wholeNumber } from '../options.js';
import { serverTls, serverTlsFlags, type ServerTlsFlags } from '../tls/transport-flags.js';

interface ChargeOptions extends ServerTlsFlags {
  listen: string;
  db: string;
  latencyMs: number;
}

export function registerChargeCommand(program: Command): void {
  const command = program
    .command('charge')
    .description(
      'run the charge-transfer terminal: a payment processor in test mode (gRPC; no tokens: private network, or mutual TLS)',
    )
    .option('--listen <host:port>', 'address to serve on', '127.0.0.1:50052')
    // Not CARDGATE_DB: that names the center's database, and the two must never share a file.
    .option(
      '--db <path>',
      "the ledger's SQLite file (sqlite:PATH or PATH), created when missing",
      parseLedger,
      DEFAULT_LEDGER,
    )
    .option('--latency-ms <ms>', 'simulated processing time of each TransferCharge', wholeNumber('--latency-ms'), 0);
  serverTlsFlags(command).action(async (options: ChargeOptions) => {
    const tls = serverTls(options, options.listen);
    const logger = createLogger();
    const { createChargeServer } = await import('../../charge/server.js');
    const server = createChargeServer({ logger, latencyMs: options.latencyMs, tls, ledgerPath: options.db });
    const port = await server.listen(options.listen);
    // stderr, so stdout stays pure JSON log lines for whatever collects them.
    const security = tls ? (tls.clientCa ? 'mutual TLS' : 'TLS') : 'plain text';
    process.stderr.write(
      `charge-transfer terminal listening on ${options.listen.replace(/:\d+$/, `:${port}`)} (${security}), ledger ${options.db}\n`,
    );
    stopOnSignal(() => server.stop());
  });
}

const DEFAULT_LEDGER = './data/charge.sqlite';

function parseLedger(value: string): string {
  const path = value.startsWith('sqlite:') ? value.slice('sqlite:'.length) : value;
  if (!path) throw new InvalidArgumentError('give a file path, e.g. ./data/charge.sqlite');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path))
    throw new InvalidArgumentError('the charge terminal keeps its ledger in a SQLite file: give a file path');
  return path;
}
