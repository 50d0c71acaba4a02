import { createContext, useContext } from 'react';
import { Box, Text } from 'ink';

export type KeyBinding = readonly [key: string, action: string];

/**
 * The way out every screen's key help ends with: Ctrl+C quit, or nothing on a locked kiosk, where a
 * buyer cannot quit (the app around the screens provides null).
 */
export const QuitKey = createContext<KeyBinding | null>(['Ctrl+C', 'quit']);

/** The key-help line every screen ends with, e.g. "↑↓ move  Enter choose  Esc back  Ctrl+C quit". */
export function KeyHelp({ keys }: { readonly keys: readonly KeyBinding[] }) {
  const quit = useContext(QuitKey);
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {[...keys, ...(quit ? [quit] : [])].map(([key, action]) => (
        <Text key={key}>
          <Text bold>{key}</Text> <Text dimColor>{action}</Text>
        </Text>
      ))}
    </Box>
  );
}
