/** `cardgate monitor` (SPEC §10): the operator's live dashboard of sales, admissions and refusals. */
import type { Command } from 'commander';
import { channelCredentials } from '../../terminal/center-client.js';
import { env, requireToken, tokenOption } from '../options.js';
import { clientTls, clientTlsFlags, type ClientTlsFlags } from '../tls/transport-flags.js';

interface MonitorOptions extends ClientTlsFlags {
  center: string;
  token?: string;
}

export function registerMonitorCommand(program: Command): void {
  const command = program
    .command('monitor')
    .description(
      'the operator’s live dashboard: sold and admitted per product, admissions per minute and refusals per gate, gates off line, conflicts',
    );
  clientTlsFlags(
    command
      .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
      .addOption(tokenOption('an admin token')),
  ).action(async (options: MonitorOptions) => {
    const token = requireToken(options.token);
    const tls = clientTls(options);
    // Refuse plain text beyond loopback now, before anything is drawn.
    channelCredentials(options.center, tls);
    // Loaded here, not at the top: every other command would carry Ink and React for nothing.
    const { runMonitor } = await import('../../monitor/run-monitor.js');
    await runMonitor({ center: options.center, token, tls });
  });
}
