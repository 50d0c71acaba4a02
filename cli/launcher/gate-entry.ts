/** The gate console as a launcher entry: a gate-token client, the demo card, gate G1 (the demo products admit at every gate). */
import { createElement } from 'react';
import { openCardReader } from '../../card/index.js';
import { GateApp } from '../../gate/GateApp.js';
import { CenterClient } from '../../terminal/center-client.js';
import type { LauncherEntry } from './launcher-entry.js';

export const gateEntry: LauncherEntry = {
  label: 'Gate console',
  description: 'Read the demo IC card at gate G1, choose a ticket, admit or reject it.',
  async open(context, onExit) {
    const reader = await openCardReader(context.cardSpec);
    const center = new CenterClient(context.centerAddress, context.tokens.gate, { timeoutMs: 5_000, tls: context.tls });
    return {
      // q on the waiting screen comes back here instead of quitting the demo.
      element: createElement(GateApp, { center, reader, gateId: 'G1', onExit }),
      async close() {
        center.close();
        await reader.close();
      },
    };
  },
};
