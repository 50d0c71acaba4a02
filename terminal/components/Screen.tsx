import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { theme } from '../theme.js';
import { KeyHelp, type KeyBinding } from './KeyHelp.js';

export interface ScreenProps {
  /** Shown top left, e.g. "Cardgate kiosk · Choose an event". */
  readonly title: string;
  /** Shown top right, e.g. the gate id or the connection state. */
  readonly status?: ReactNode;
  /** A line above the key help, e.g. a banner saying the center is unreachable. */
  readonly banner?: ReactNode;
  readonly keys: readonly KeyBinding[];
  readonly children: ReactNode;
}

/** One screen of a terminal UI: title bar, body, optional banner, key help; 80 columns wide at most. */
export function Screen({ title, status, banner, keys, children }: ScreenProps) {
  return (
    <Box flexDirection="column" width={80}>
      <Box justifyContent="space-between" borderStyle="single" borderTop={false} borderLeft={false} borderRight={false}>
        <Text bold color={theme.accent}>
          {title}
        </Text>
        {status ? <Box>{typeof status === 'string' ? <Text dimColor>{status}</Text> : status}</Box> : null}
      </Box>
      <Box flexDirection="column" paddingY={1}>
        {children}
      </Box>
      {banner ? <Box marginBottom={1}>{banner}</Box> : null}
      <KeyHelp keys={keys} />
    </Box>
  );
}
