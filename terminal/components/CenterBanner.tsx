import { Text } from 'ink';
import type { CenterStatus } from '../hooks/use-center-status.js';
import { theme } from '../theme.js';

/** The key that retries at once on every screen: Ctrl+R, which types nothing into a form field. */
export const RETRY_KEY = 'Ctrl+R';

/**
 * Nothing while the center answers; a plain red line when it does not (retried by itself, or at once
 * with Ctrl+R), or when it refuses this terminal's token (not retried: only a new token helps).
 */
export function CenterBanner({ status }: { readonly status: CenterStatus }) {
  if (status.state === 'refused')
    return (
      <Text color={theme.bad} bold>
        ✖ {status.problem}
      </Text>
    );
  if (status.state !== 'offline') return null;
  return (
    <Text color={theme.bad} bold>
      ✖ {status.problem ?? 'the sales center is unreachable'} — retrying every few seconds ({RETRY_KEY}: retry now)
    </Text>
  );
}

/** True for the retry key, Ctrl+R, as useKeys delivers it (hooks/use-keys.ts). */
export const isRetryKey = (input: string) => input === '^R';
