/** `cardgate charge`: the charge-transfer terminal (the payment simulator) on its own. */
import { InvalidArgumentError, type Command } from 'commander';
import { createChargeServer } from '../../charge/server.js';
import { createLogger, stopOnSignal } from '../options.js';

export function registerChargeCommand(program: Command): void {
  program
    .command('charge')
    .description('run the charge-transfer terminal: a payment processor in test mode (gRPC, no auth: private network only)')
    .option('--listen <host:port>', 'address to serve on', '127.0.0.1:50052')
    .option('--latency-ms <ms>', 'simulated processing time of each TransferCharge', parseLatency, 0)
    .action(async (options: { listen: string; latencyMs: number }) => {
      const logger = createLogger();
      const server = createChargeServer({ logger, latencyMs: options.latencyMs });
      const port = await server.listen(options.listen);
      // stderr, so stdout stays pure JSON log lines for whatever collects them.
      process.stderr.write(`charge-transfer terminal listening on ${options.listen.replace(/:\d+$/, `:${port}`)}\n`);
      stopOnSignal(() => server.stop());
    });
}

function parseLatency(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new InvalidArgumentError('expected a whole number of milliseconds, 0 or more');
  return ms;
}
