/**
 * The gate console as a launcher entry: a gate-token client, the demo card, gate G1 (the demo products admit at
 * every gate), and its off-line journal beside the demo's database, so the demo gate keeps admitting when the
 * center is stopped, as a real one does (SPEC §9).
 */
import { dirname, join } from 'node:path';
import { createElement } from 'react';
import { openCardReader } from '../../card/index.js';
import { GateApp } from '../../gate/GateApp.js';
import { OfflineGate } from '../../gate/offline/offline-gate.js';
import { CenterClient } from '../../terminal/center-client.js';
import type { LauncherEntry } from './launcher-entry.js';

const GATE_ID = 'G1';

export const gateEntry: LauncherEntry = {
  label: 'Gate console',
  description: 'Read the demo IC card at gate G1, choose a ticket, admit or reject it.',
  async open(context, onExit) {
    const reader = await openCardReader(context.cardSpec);
    const center = new CenterClient(context.centerAddress, context.tokens.gate, { timeoutMs: 5_000, tls: context.tls });
    const offline = await OfflineGate.open({
      center,
      gateId: GATE_ID,
      journalPath: join(dirname(context.dbPath), `gate-${GATE_ID}.journal`),
    }).catch(async (error: unknown) => {
      center.close();
      await reader.close();
      throw error;
    });
    return {
      // q on the waiting screen comes back here instead of quitting the demo.
      element: createElement(GateApp, { center, reader, gateId: GATE_ID, onExit, offline }),
      async close() {
        await offline.close();
        center.close();
        await reader.close();
      },
    };
  },
};
