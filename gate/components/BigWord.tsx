import { Box, Text } from 'ink';
import { blockRows } from './block-font.js';

/** A word in 5-row block letters: the verdict you can read from across the lane. */
export function BigWord({ word, color }: { readonly word: string; readonly color?: string }) {
  return (
    <Box flexDirection="column" alignItems="center">
      {blockRows(word).map((row, index) => (
        <Text key={index} color={color} bold>
          {row}
        </Text>
      ))}
    </Box>
  );
}
