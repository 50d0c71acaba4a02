/** What every kiosk screen may need from the app around it: the center, whether it answers, and the display time zone. */
import { createContext, useContext } from 'react';
import type { CenterClient } from '../terminal/center-client.js';
import type { CenterStatus } from '../terminal/hooks/use-center-status.js';

export interface KioskContextValue {
  readonly center: CenterClient;
  readonly status: CenterStatus;
  readonly timeZone?: string;
  /** A line on the payment screen, e.g. the demo's test card numbers. */
  readonly paymentHint?: string;
  /** The kiosk's clock (sales closing); tests move it with the center's. */
  readonly clock?: () => Date;
}

export const KioskContext = createContext<KioskContextValue | undefined>(undefined);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('kiosk screens must be rendered inside <KioskApp>');
  return value;
}
