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
      return <Text color={theme.warn}>● live, with trouble</Text>;
  }
}

/** The line above the key help: what is wrong and what the monitor does about it; nothing while live. */
export function ConnectionBanner({ connection, width }: { readonly connection: Connection; readonly width: number }) {
  switch (connection.kind) {
    case 'refused':
      return (
        <Text color={theme.bad} bold>
          ✖ {connection.words}
        </Text>
      );
    case 'unreachable':
      return <Text color={theme.bad}>✖ Showing the last numbers the center gave; reconnecting by itself.</Text>;
    case 'troubled':
      return <Text color={theme.warn}>{cell(`⚠ ${connection.words}`, width - 1)}</Text>;
    default:
      return null;
  }
}
