/** The purchase kiosk as a launcher entry: a kiosk-token client and the demo card. */
import { createElement } from 'react';
import { openCardReader } from '../../card/index.js';
import { KioskApp } from '../../kiosk/KioskApp.js';
import { CenterClient } from '../../terminal/center-client.js';
import type { LauncherEntry } from './launcher-entry.js';

export const kioskEntry: LauncherEntry = {
  label: 'Purchase kiosk',
  description: 'Buy tickets onto the demo IC card, see what is on it, recover an order.',
  async open(context, onExit) {
    const reader = await openCardReader(context.cardSpec);
    const center = new CenterClient(context.centerAddress, context.tokens.kiosk);
    return {
      element: createElement(KioskApp, { center, reader, onExit }),
      async close() {
        center.close();
        await reader.close();
      },
    };
  },
};
