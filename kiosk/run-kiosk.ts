/**
 * The kiosk's entry point for the CLI: opens the card reader and the center
 * connection, renders <KioskApp>, and resolves when the kiosk is closed, with
 * both released. Locked (the default of `cardgate kiosk`), a buyer cannot
 * close it: Ctrl+C, Ctrl+Z and Ctrl+\ neither quit nor suspend it, and only
 * staff with an admin token leave (kiosk/staff-exit.ts); SIGTERM (systemd
 * stopping it) still ends it. Unlocked (--unlocked, for development), Ctrl+C quits.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { openCardReader } from '../card/index.js';
import { CenterClient, type ClientTls } from '../terminal/center-client.js';
import { KioskApp } from './KioskApp.js';
import { staffTokenCheck } from './staff-exit.js';

export interface RunKioskOptions {
  readonly center: string;
  readonly token: string;
  readonly cardSpec: string;
  readonly idleMs?: number;
  /** TLS towards the center (SPEC §8); plain text, on loopback only, without. */
  readonly tls?: ClientTls;
  /** Ctrl+C quits (development); by default the kiosk is locked. */
  readonly unlocked?: boolean;
}

/** Signals a person at the keyboard can send when the terminal is not in raw mode (before Ink takes it). */
const KEYBOARD_SIGNALS = ['SIGINT', 'SIGTSTP', 'SIGQUIT'] as const;

export async function runKiosk(options: RunKioskOptions): Promise<void> {
  const reader = await openCardReader(options.cardSpec);
  const center = new CenterClient(options.center, options.token, { tls: options.tls });
  const ignore = () => undefined;
  if (!options.unlocked) for (const signal of KEYBOARD_SIGNALS) process.on(signal, ignore);
  try {
    let exit = () => undefined as void;
    const locked = options.unlocked
      ? undefined
      : { check: staffTokenCheck(options.center, options.tls), onExit: () => exit() };
    const app = render(createElement(KioskApp, { center, reader, idleMs: options.idleMs, locked }), {
      exitOnCtrlC: Boolean(options.unlocked),
    });
    exit = () => app.unmount();
    await app.waitUntilExit();
  } finally {
    for (const signal of KEYBOARD_SIGNALS) process.off(signal, ignore);
    center.close();
    await reader.close();
  }
}
