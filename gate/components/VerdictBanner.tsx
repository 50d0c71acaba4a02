import { Box, Text } from 'ink';
import { theme } from '../../terminal/theme.js';
import { BigWord } from './BigWord.js';

export type VerdictLook = 'admit' | 'reject' | 'valid' | 'invalid' | 'no-answer';

const LOOKS: Record<VerdictLook, { word: string; color: string; mark: string }> = {
  admit: { word: 'ADMIT', color: theme.ok, mark: '✔' },
  reject: { word: 'REJECTED', color: theme.bad, mark: '✖' },
  valid: { word: 'VALID', color: theme.ok, mark: '✔' },
  invalid: { word: 'NOT VALID', color: theme.bad, mark: '✖' },
  'no-answer': { word: 'NO ANSWER', color: theme.warn, mark: '?' },
};

/** The verdict in block letters inside a box of its colour, with one plain line under it (the name or the reason). */
export function VerdictBanner({ look, line }: { readonly look: VerdictLook; readonly line: string }) {
  const { word, color, mark } = LOOKS[look];
  return (
    <Box flexDirection="column" borderStyle="double" borderColor={color} paddingX={1} alignItems="center">
      <BigWord word={word} color={color} />
      <Text color={color} bold>
        {mark} {word} — {line}
      </Text>
    </Box>
  );
}
