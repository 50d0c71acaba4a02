import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useScreenLayout } from '../hooks/use-terminal-size.js';
import { tooSmallWords } from '../layout.js';
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

/**
 * One screen of a terminal UI: title bar, body, optional banner, key help. It fills the terminal
 * (key help at the bottom; 80 columns when the size is unknown) and, below 80 × 24, shows only a
 * notice to make the window larger (terminal/layout.ts).
 */
export function Screen({ title, status, banner, keys, children }: ScreenProps) {
  const layout = useScreenLayout();
  if (!layout.fits)
    return (
      <Box width={layout.width} flexDirection="column">
        <Text bold color={theme.warn} wrap="wrap">
          {tooSmallWords(layout.columns, layout.rows)}
        </Text>
      </Box>
    );
  return (
    <Box flexDirection="column" width={layout.width} minHeight={layout.height}>
      <Box justifyContent="space-between" borderStyle="single" borderTop={false} borderLeft={false} borderRight={false}>
        <Text bold color={theme.accent}>
          {title}
        </Text>
        {status ? <Box>{typeof status === 'string' ? <Text dimColor>{status}</Text> : status}</Box> : null}
      </Box>
      <Box flexDirection="column" paddingY={1} flexGrow={1}>
        {children}
      </Box>
      {banner ? <Box marginBottom={1}>{banner}</Box> : null}
      <KeyHelp keys={keys} />
    </Box>
  );
}
