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

/**
 * The verdict as a solid panel of its colour with the word in block letters
 * and one plain line (the name or the reason): green or red fills half the
 * screen, readable from a metre away and without reading a word. The letters
 * use the terminal's own text colour, which stands out on green and red on
 * dark and light themes alike.
 */
export function VerdictBanner({ look, line }: { readonly look: VerdictLook; readonly line: string }) {
  const { word, color, mark } = LOOKS[look];
  return (
    <Box flexDirection="column" backgroundColor={color} paddingTop={1} alignItems="center" width={80}>
      <BigWord word={word} />
      <Text bold> </Text>
      <Text bold>
        {mark} {word} — {line}
      </Text>
    </Box>
  );
}
