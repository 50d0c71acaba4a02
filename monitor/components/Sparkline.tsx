import { Text } from 'ink';
import sparkly from 'sparkly';
import { theme } from '../../terminal/theme.js';

/**
 * Counts as a sparkline (sparkly), one column per count from 0 up to the largest; a zero is a dot,
 * so a quiet minute is told apart from a slow one.
 */
export function sparklineText(counts: readonly number[]): string {
  const maximum = Math.max(0, ...counts);
  return sparkly(
    counts.map((n) => (n > 0 ? n : '')),
    { minimum: 0, maximum },
  ).replaceAll(' ', '·');
}

export function Sparkline({ counts }: { readonly counts: readonly number[] }) {
  return <Text color={theme.accent}>{sparklineText(counts)}</Text>;
}
