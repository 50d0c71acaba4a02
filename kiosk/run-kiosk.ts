/**
 * The kiosk's entry point for the CLI: opens the card reader and the center
 * connection, renders <KioskApp>, and resolves when the buyer's terminal is
 * closed (Ctrl+C), with both released.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { openCardReader } from '../card/index.js';
import { CenterClient, type ClientTls } from '../terminal/center-client.js';
import { KioskApp } from './KioskApp.js';

export interface RunKioskOptions {
  readonly center: string;
  readonly token: string;
  readonly cardSpec: string;
  readonly idleMs?: number;
  /** TLS towards the center (SPEC §8); plain text, on loopback only, without. */
  readonly tls?: ClientTls;
}

export async function runKiosk(options: RunKioskOptions): Promise<void> {
  const reader = await openCardReader(options.cardSpec);
  const center = new CenterClient(options.center, options.token, { tls: options.tls });
  try {
    const app = render(createElement(KioskApp, { center, reader, idleMs: options.idleMs }));
    await app.waitUntilExit();
  } finally {
    center.close();
    await reader.close();
  }
}
