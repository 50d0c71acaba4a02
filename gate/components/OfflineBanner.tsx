import { Text } from 'ink';
import { formatTime } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import type { OfflineStatus } from '../offline/offline-gate.js';

/** True when the gate is deciding alone (SPEC §9). */
export const isOffline = (status: OfflineStatus | undefined): status is OfflineStatus & { online: false } =>
  status?.online === false;

/** "OFFLINE since 19:02": what every screen says while the gate decides alone, and that its verdicts still hold. */
export function offlineWords(status: OfflineStatus): string {
  const since = status.offlineSince ? ` since ${formatTime(status.offlineSince)}` : '';
  return `OFFLINE${since}: the sales center does not answer. This gate checks tickets on its own — follow its verdicts.`;
}

export function OfflineBanner({ status }: { readonly status: OfflineStatus }) {
  return (
    <Text color={theme.warn} bold>
      ⚠ {offlineWords(status)}
    </Text>
  );
}
