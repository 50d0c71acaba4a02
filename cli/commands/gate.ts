/** `cardgate gate` (SPEC §5): the gate attendant's console on one card reader, optionally printing paper tickets. */
import type { Command } from 'commander';
import { channelCredentials } from '../../terminal/center-client.js';
import { env, requireCard, requireToken, terminalFlags, wholeNumber } from '../options.js';
import { clientTls, type ClientTlsFlags } from '../tls/transport-flags.js';

interface GateOptions extends ClientTlsFlags {
  center: string;
  card?: string;
  gateId?: string;
  print?: string;
  token?: string;
  verdictSeconds: number;
  journal?: string;
  direction: string;
}

export function registerGateCommand(program: Command): void {
  const command = program
    .command('gate')
    .description(
      'the gate console: read a card, choose a ticket, admit or reject on the center’s answer, print a paper ticket',
    );
  terminalFlags(command, 'gate')
    .option('--gate-id <id>', 'this gate, as named in products’ gate lists (env CARDGATE_GATE_ID)', env.gateId())
    .option(
      '--print <printer>',
      'CUPS printer for a paper ticket on each admission (env CARDGATE_PRINTER)',
      env.printer(),
    )
    .option('--verdict-seconds <n>', 'seconds a verdict stays on screen', wholeNumber('--verdict-seconds', 1), 8)
    .option('--journal <path>', 'the off-line journal and manifest cache (default ./data/gate-<gate-id>.journal)')
    .option('--direction <way>', 'entry or exit: which way people go through this gate', 'entry')
    .action(async (options: GateOptions) => {
      if (options.direction !== 'entry' && options.direction !== 'exit')
        throw new Error(`--direction must be entry or exit, not "${options.direction}"`);
      const token = requireToken(options.token);
      const card = requireCard(options.card);
      if (!options.gateId) throw new Error('no gate id: pass --gate-id ID (for example G1) or set CARDGATE_GATE_ID');
      const tls = clientTls(options);
      // Refuse plain text beyond loopback now, before the card reader is opened or anything is drawn.
      channelCredentials(options.center, tls);
      // Loaded here, not at the top: every other command (the center above all) would carry Ink, React and pdfkit for nothing.
      const { runGate } = await import('../../gate/run-gate.js');
      await runGate({
        center: options.center,
        token,
        cardSpec: card,
        gateId: options.gateId,
        print: options.print,
        verdictSeconds: options.verdictSeconds,
        tls,
        journal: options.journal,
        direction: options.direction,
      });
    });
}
