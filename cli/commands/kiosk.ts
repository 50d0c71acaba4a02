/** `cardgate kiosk --center ADDR --card SPEC [--token T]`: the purchase kiosk UI (SPEC §5) on this terminal. */
import type { Command } from 'commander';
import { DEFAULT_IDLE_MS } from '../../kiosk/defaults.js';
import { channelCredentials } from '../../terminal/center-client.js';
import { requireCard, requireToken, terminalFlags, wholeNumber } from '../options.js';
import { clientTls, type ClientTlsFlags } from '../tls/transport-flags.js';

interface KioskOptions extends ClientTlsFlags {
  center: string;
  token?: string;
  card?: string;
  idleSeconds: number;
  unlocked?: boolean;
}

export function registerKioskCommand(program: Command): void {
  const command = program
    .command('kiosk')
    .description('the purchase kiosk: browse events, buy tickets by credit card, write them onto the IC card');
  terminalFlags(command, 'kiosk')
    .option(
      '--idle-seconds <n>',
      'back to the start screen, entered data wiped, after this long without a key',
      wholeNumber('--idle-seconds'),
      DEFAULT_IDLE_MS / 1000,
    )
    .option(
      '--unlocked',
      'for development: Ctrl+C quits. Without it the kiosk is locked: only staff leave, with Ctrl+X three times and an admin token',
    )
    .action(async (options: KioskOptions) => {
      const token = requireToken(options.token);
      const card = requireCard(options.card);
      const tls = clientTls(options);
      // Refuse plain text beyond loopback now, before the card reader is opened or anything is drawn.
      channelCredentials(options.center, tls);
      // Loaded here, not at the top: every other command (the center above all) would carry Ink and React for nothing.
      const { runKiosk } = await import('../../kiosk/run-kiosk.js');
      await runKiosk({
        center: options.center,
        token,
        cardSpec: card,
        idleMs: options.idleSeconds * 1000,
        tls,
        unlocked: options.unlocked,
      });
    });
}
