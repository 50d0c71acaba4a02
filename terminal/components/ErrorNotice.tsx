import { Box, Text } from 'ink';
import { theme } from '../theme.js';

export interface ErrorNoticeProps {
  /** What went wrong, in words. */
  readonly problem: string;
  /** What the person can do about it, e.g. "Press r to try again." */
  readonly next?: string;
}

/** A plain-words problem and the next step: what a screen shows instead of a stack trace. */
export function ErrorNotice({ problem, next }: ErrorNoticeProps) {
  return (
    <Box flexDirection="column">
      <Text color={theme.bad} bold>
        ✖ {problem}
      </Text>
      {next ? <Text>{next}</Text> : null}
    </Box>
  );
}
