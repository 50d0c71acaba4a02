import { Box, Text } from 'ink';
import { describeCardError } from '../card-words.js';
import { ErrorNotice } from '../../terminal/components/ErrorNotice.js';
import { Spinner } from '../../terminal/components/Spinner.js';
import type { CardTask } from '../../terminal/card/use-card-task.js';

/** What a screen shows while its card task is not done: put the card on, reading, or what went wrong and how to retry. */
export function CardWait({ task, doing }: { readonly task: CardTask<unknown>; readonly doing: string }) {
  if (task.state === 'waiting') return <Spinner label="Put your IC card on the reader." hint="Waiting for a card…" />;
  if (task.state === 'working') return <Spinner label={doing} hint="Keep the card on the reader." />;
  if (task.state === 'failed') {
    return (
      <Box flexDirection="column">
        <ErrorNotice problem={describeCardError(task.error)} next="Press r to try again." />
        <Text> </Text>
      </Box>
    );
  }
  return null;
}
