import { Spinner as InkSpinner } from '@inkjs/ui';
import { Box, Text } from 'ink';

/** A spinner with a sentence saying what the terminal is busy with, and optionally what the person should (not) do meanwhile. */
export function Spinner({ label, hint }: { readonly label: string; readonly hint?: string }) {
  return (
    <Box flexDirection="column">
      <InkSpinner label={label} />
      {hint ? <Text dimColor>{hint}</Text> : null}
    </Box>
  );
}
