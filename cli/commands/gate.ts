/** `cardgate gate` (SPEC §5): the gate attendant's console on one card reader, optionally printing paper tickets. */
import type { Command } from 'commander';
import { env, requireToken } from '../options.js';

interface GateOptions {
  center: string;
  card?: string;
  gateId?: string;
  print?: string;
  token?: string;
  verdictSeconds: string;
}

export function registerGateCommand(program: Command): void {
  program
    .command('gate')
    .description('the gate console: read a card, choose a ticket, admit or reject on the center’s answer, print a paper ticket')
    .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
    .option('--card <spec>', 'the card reader: file:PATH, pcsc or pcsc:READER (env CARDGATE_CARD)', env.card())
    .option('--gate-id <id>', 'this gate, as named in products’ gate lists (env CARDGATE_GATE_ID)', env.gateId())
    .option('--print <printer>', 'CUPS printer for a paper ticket on each admission (env CARDGATE_PRINTER)', env.printer())
    .option('--token <token>', 'a gate token (env CARDGATE_TOKEN)', env.token())
    .option('--verdict-seconds <n>', 'seconds a verdict stays on screen', '8')
    .action(async (options: GateOptions) => {
      const token = requireToken(options.token);
      if (!options.card) throw new Error('no card reader: pass --card file:PATH (or pcsc) or set CARDGATE_CARD');
      if (!options.gateId) throw new Error('no gate id: pass --gate-id ID (for example G1) or set CARDGATE_GATE_ID');
      const verdictSeconds = Number(options.verdictSeconds);
      if (!Number.isInteger(verdictSeconds) || verdictSeconds < 1) throw new Error(`--verdict-seconds must be a whole number of seconds, not ${JSON.stringify(options.verdictSeconds)}`);
      // Loaded here, not at the top: every other command (the center above all) would carry Ink, React and pdfkit for nothing.
      const { runGate } = await import('../../gate/run-gate.js');
      await runGate({ center: options.center, token, card: options.card, gateId: options.gateId, print: options.print, verdictSeconds });
    });
}
