import type { ReactNode } from 'react';
import { Text } from 'ink';
import type { KeyBinding } from '../../terminal/components/KeyHelp.js';
import { CenterBanner } from '../../terminal/components/CenterBanner.js';
import { Screen } from '../../terminal/components/Screen.js';
import type { CenterStatus } from '../../terminal/hooks/use-center-status.js';
import { theme } from '../../terminal/theme.js';
import type { OfflineStatus } from '../offline/offline-gate.js';
import { isOffline, OfflineBanner } from './OfflineBanner.js';

export interface GateFrameProps {
  readonly gateId: string;
  /** What this screen is, e.g. "Choose a ticket". */
  readonly title: string;
  readonly center: CenterStatus;
  readonly counts: { readonly admitted: number; readonly rejected: number };
  readonly keys: readonly KeyBinding[];
  readonly children: ReactNode;
  /** The off-line link's status, when the gate decides alone without the center (SPEC §9). */
  readonly offline?: OfflineStatus;
  /** An exit gate says EXIT on every screen (SPEC §10). */
  readonly direction?: 'entry' | 'exit';
}

/** Every gate screen: gate id and screen name, admitted / rejected counts, the center banner when it is down, key help. */
export function GateFrame({ gateId, title, center, counts, keys, children, offline, direction }: GateFrameProps) {
  const status = (
    <Text>
      <Text color={theme.ok}>✔ {counts.admitted} admitted</Text>
      <Text dimColor> · </Text>
      <Text color={theme.bad}>✖ {counts.rejected} rejected</Text>
    </Text>
  );
  return (
    <Screen
      title={`Cardgate gate ${gateId}${direction === 'exit' ? ' · EXIT' : ''} · ${title}`}
      status={status}
      banner={
        center.state !== 'refused' && isOffline(offline) ? (
          <OfflineBanner status={offline} />
        ) : center.state === 'refused' || (center.state === 'offline' && !offline) ? (
          <CenterBanner status={center} />
        ) : undefined
      }
      keys={keys}
    >
      {children}
    </Screen>
  );
}
