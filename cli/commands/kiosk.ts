/** `cardgate kiosk --center ADDR --card SPEC [--token T]`: the purchase kiosk UI (SPEC §5) on this terminal. */
import type { Command } from 'commander';
import { render } from 'ink';
import { createElement } from 'react';
import { openCardReader } from '../../card/index.js';
import { DEFAULT_IDLE_MS, KioskApp } from '../../kiosk/KioskApp.js';
import { CenterClient } from '../../terminal/center-client.js';
import { env, requireToken } from '../options.js';

interface KioskOptions {
  center: string;
  token?: string;
  card?: string;
  idleSeconds: string;
}

export function registerKioskCommand(program: Command): void {
  program
    .command('kiosk')
    .description('the purchase kiosk: browse events, buy tickets by credit card, write them onto the IC card')
    .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
    .option('--token <token>', 'a kiosk token (env CARDGATE_TOKEN)', env.token())
    .option('--card <spec>', 'file:PATH, pcsc or pcsc:READER (env CARDGATE_CARD)', env.card())
    .option('--idle-seconds <n>', 'back to the start screen, entered data wiped, after this long without a key', String(DEFAULT_IDLE_MS / 1000))
    .action(async (options: KioskOptions) => {
      const token = requireToken(options.token);
      if (!options.card) throw new Error('no card reader: pass --card file:PATH (or pcsc) or set CARDGATE_CARD');
      const idleSeconds = Number(options.idleSeconds);
      if (!Number.isFinite(idleSeconds) || idleSeconds < 0) throw new Error(`--idle-seconds must be a number of seconds, not ${JSON.stringify(options.idleSeconds)}`);
      await runKiosk({ center: options.center, token, cardSpec: options.card, idleMs: idleSeconds * 1000 });
    });
}

export interface RunKioskOptions {
  readonly center: string;
  readonly token: string;
  readonly cardSpec: string;
  readonly idleMs?: number;
}

/** Opens the reader and the center connection, runs the kiosk until Ctrl+C, and releases both. */
export async function runKiosk(options: RunKioskOptions): Promise<void> {
  const reader = await openCardReader(options.cardSpec);
  const center = new CenterClient(options.center, options.token);
  try {
    const app = render(createElement(KioskApp, { center, reader, idleMs: options.idleMs }));
    await app.waitUntilExit();
  } finally {
    center.close();
    await reader.close();
  }
}
