import { Text } from 'ink';
import type { CenterStatus } from '../hooks/use-center-status.js';
import { theme } from '../theme.js';

/** Nothing while the center answers; a plain red line when it does not. */
export function CenterBanner({ status }: { readonly status: CenterStatus }) {
  if (status.state !== 'offline') return null;
  return (
    <Text color={theme.bad} bold>
      ✖ {status.problem ?? 'the sales center is unreachable'} — retrying every few seconds (r: retry now)
    </Text>
  );
}
