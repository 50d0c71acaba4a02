import { Box, Text } from 'ink';

export type KeyBinding = readonly [key: string, action: string];

/** The key-help line every screen ends with, e.g. "↑↓ move  Enter choose  Esc back  Ctrl+C quit". */
export function KeyHelp({ keys }: { readonly keys: readonly KeyBinding[] }) {
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {[...keys, ['Ctrl+C', 'quit'] as const].map(([key, action]) => (
        <Text key={key}>
          <Text bold>{key}</Text> <Text dimColor>{action}</Text>
        </Text>
      ))}
    </Box>
  );
}
