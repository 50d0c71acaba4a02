import { Box, Text } from 'ink';
import { useCallback } from 'react';
import type { Card } from '../../card/index.js';
import { useCardTask } from '../../terminal/card/use-card-task.js';
import { theme } from '../../terminal/theme.js';
import { CardContentsView } from '../components/CardContentsView.js';
import { CardWait } from '../components/CardWait.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { writeTickets, type WriteJob } from '../write-tickets.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

export interface WritingScreenProps {
  readonly job: WriteJob;
  /** Finished (or left with the tickets safe at the center): back to Home. */
  readonly onDone: () => void;
}

/**
 * SPEC §2 step 6: write the tickets, read the card back and show it. On a
 * failed write the order id stays on screen with a retry: the tickets are
 * safe at the center and "Recover an order" writes them later.
 */
export function WritingScreen({ job, onDone }: WritingScreenProps) {
  const work = useCallback((card: Card) => writeTickets(card, job.cardId, job.tickets), [job]);
  const task = useCardTask(work, { runOnMount: true });
  useKeys((input, key) => {
    if (task.state === 'failed' && input === 'r') task.run();
    else if ((task.state === 'done' && key.return) || (task.state !== 'working' && key.escape)) onDone();
  });
  const count = job.tickets.length;
  const keys =
    task.state === 'done'
      ? ([
          ['↑↓', 'scroll'],
          ['Enter', 'finish'],
        ] as const)
      : task.state === 'failed'
        ? ([
            ['r', 'try again'],
            ['Esc', 'finish, write later'],
          ] as const)
        : task.state === 'working'
          ? ([] as const)
          : ([['Esc', 'finish, write later']] as const);
  return (
    <KioskScreen title={task.state === 'done' ? 'Your IC card' : 'Writing your IC card'} keys={keys}>
      {task.state === 'done' && task.result ? (
        <Box flexDirection="column">
          <Text
            color={theme.ok}
            bold
          >{`✔ ${job.fromPurchase ? 'Paid. ' : ''}${count} ticket${count === 1 ? '' : 's'} written to your IC card and read back:`}</Text>
          <CardContentsView contents={task.result} orderId={job.orderId} />
          {job.receipt ? <Text dimColor>{job.receipt}. Take your IC card with you.</Text> : null}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text>
            Order <Text bold>{job.orderId}</Text>: {count} ticket{count === 1 ? '' : 's'}
            {job.fromPurchase ? ', paid' : ''}.
          </Text>
          <Text> </Text>
          <CardWait task={task} doing="Writing the tickets to your IC card…" />
          {task.state === 'failed' ? (
            <Text>
              Your tickets are safe at the sales center. Note your order id <Text bold>{job.orderId}</Text>: later,
              choose “Recover an order” with it and your name to write them to card {job.cardId}.
            </Text>
          ) : null}
        </Box>
      )}
    </KioskScreen>
  );
}
