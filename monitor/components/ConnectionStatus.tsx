import { Text } from 'ink';
import { cell } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import { clockTime } from '../model/clock-words.js';
import type { Connection } from '../model/connection.js';

/** The header's right side: "● live 19:02:11", or since when the center has been unreachable. */
export function ConnectionStatus({ connection, now }: { readonly connection: Connection; readonly now: Date }) {
  switch (connection.kind) {
    case 'live':
      return (
        <Text>
          <Text color={theme.ok} bold>
            ● live
          </Text>{' '}
          <Text dimColor>{clockTime(now)}</Text>
        </Text>
      );
    case 'connecting':
      return <Text color={theme.warn}>connecting…</Text>;
    case 'unreachable':
      return (
        <Text color={theme.bad} bold>
          center unreachable since {clockTime(connection.since)}, retrying
        </Text>
      );
    case 'refused':
      return (
        <Text color={theme.bad} bold>
          token refused
        </Text>
      );
    case 'troubled':
      return <Text color={theme.warn}>⚠ retrying</Text>;
  }
}

/** The banner's words: what is wrong and what the monitor does about it; none while live. */
export function bannerWords(connection: Connection): string | undefined {
  switch (connection.kind) {
    case 'refused':
      return `✖ ${connection.words}`;
    case 'unreachable':
      return connection.answered
        ? '✖ Showing the last numbers the center gave; reconnecting by itself.'
        : '✖ Nothing from the center yet; trying again by itself.';
    case 'troubled':
      return `⚠ ${connection.words}`;
    default:
      return undefined;
  }
}

/** Lines the banner takes on a terminal `width` wide: at most two. */
export const bannerLines = (words: string | undefined, width: number) =>
  !words ? 0 : words.length > width - 1 ? 2 : 1;

/** The line (two at most) above the key help. */
export function ConnectionBanner({ connection, width }: { readonly connection: Connection; readonly width: number }) {
  const words = bannerWords(connection);
  if (!words) return null;
  const color = connection.kind === 'troubled' ? theme.warn : theme.bad;
  // Cut well inside two lines: Ink wraps at word boundaries, which costs a few columns per line.
  return (
    <Text color={color} bold={connection.kind === 'refused'} wrap="wrap">
      {words.length > width - 1 ? cell(words, 2 * (width - 1) - 12) : words}
    </Text>
  );
}
