/** The purchase kiosk as a launcher entry: a kiosk-token client and the demo card. */
import { createElement } from 'react';
import { openCardReader } from '../../card/index.js';
import { KioskApp } from '../../kiosk/KioskApp.js';
import { CenterClient } from '../../terminal/center-client.js';
import type { LauncherEntry } from './launcher-entry.js';

/** The payment simulator's test numbers (SPEC §6), so a first-time demo user can pay. */
const DEMO_CARDS = 'Demo cards: 4242 4242 4242 4242 approved, 4000 0000 0000 0002 declined.';

export const kioskEntry: LauncherEntry = {
  label: 'Purchase kiosk',
  description: 'Buy tickets onto the demo IC card, see what is on it, recover an order.',
  async open(context, onExit) {
    const reader = await openCardReader(context.cardSpec);
    const center = new CenterClient(context.centerAddress, context.tokens.kiosk, { tls: context.tls });
    return {
      element: createElement(KioskApp, { center, reader, onExit, paymentHint: DEMO_CARDS }),
      async close() {
        center.close();
        await reader.close();
      },
    };
  },
};
