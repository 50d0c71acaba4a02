import type { ReactNode } from 'react';
import { CenterBanner } from '../../terminal/components/CenterBanner.js';
import type { KeyBinding } from '../../terminal/components/KeyHelp.js';
import { Screen } from '../../terminal/components/Screen.js';
import { useKiosk } from '../kiosk-context.js';

export interface KioskScreenProps {
  readonly title: string;
  /** e.g. "step 2 of 5" while buying. */
  readonly step?: string;
  readonly keys: readonly KeyBinding[];
  readonly children: ReactNode;
}

/** A kiosk screen: "Cardgate kiosk · <title>", the step, the center-unreachable banner when it applies, and the key help. */
export function KioskScreen({ title, step, keys, children }: KioskScreenProps) {
  const { status } = useKiosk();
  return (
    <Screen
      title={`Cardgate kiosk · ${title}`}
      status={step}
      banner={status.state === 'offline' || status.state === 'refused' ? <CenterBanner status={status} /> : undefined}
      keys={keys}
    >
      {children}
    </Screen>
  );
}
