/** Shows the launcher on this terminal until the person quits it (q or Ctrl+C). */
import { render } from 'ink';
import { createElement } from 'react';
import { Launcher } from './Launcher.js';
import type { DemoContext, LauncherEntry } from './launcher-entry.js';

export async function runLauncher(context: DemoContext, entries: readonly LauncherEntry[]): Promise<void> {
  // Start on a clean screen: the launcher repeats the addresses and tokens printed above it.
  process.stdout.write('\u001B[2J\u001B[H');
  const app = render(createElement(Launcher, { context, entries }));
  await app.waitUntilExit();
}
