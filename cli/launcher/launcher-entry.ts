/**
 * One terminal UI the demo launcher can open. Each UI is an entry in
 * `LAUNCHER_ENTRIES` (entries.ts); the launcher knows nothing else about it.
 */
import type { ReactElement } from 'react';
import type { ClientTls } from '../../terminal/center-client.js';

/** What the demo started, for the UIs to connect to. */
export interface DemoContext {
  /** The sales center's address, e.g. 127.0.0.1:50051. */
  readonly centerAddress: string;
  readonly chargeAddress: string;
  /** One fresh token per role, made by the demo at start. */
  readonly tokens: { readonly kiosk: string; readonly gate: string; readonly admin: string };
  /** The virtual card every UI uses, e.g. file:./data/demo.card. */
  readonly cardSpec: string;
  readonly dbPath: string;
  readonly logPath: string;
  /** The authority of the center's certificate (the demo serves TLS); plain text without. */
  readonly tls?: ClientTls;
}

/** A UI opened by the launcher: what to render, and how to release what it opened. */
export interface OpenedUi {
  readonly element: ReactElement;
  /** Called after the UI has left the screen (back to the launcher, or quitting). */
  close(): Promise<void>;
}

export interface LauncherEntry {
  /** Menu label, e.g. "Purchase kiosk". */
  readonly label: string;
  /** One line under the highlighted label saying what it is for. */
  readonly description: string;
  /**
   * Opens the UI's resources (center client with its role's token, card
   * reader) and returns its root element. The UI must call `onExit` when
   * the person leaves it (e.g. Esc on its first screen); the launcher then
   * shows its menu again and calls `close()`.
   */
  open(context: DemoContext, onExit: () => void): Promise<OpenedUi>;
}
