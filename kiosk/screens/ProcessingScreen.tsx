import { Box, Text } from 'ink';
import type { PurchaseTicketsRequest, PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import { ErrorNotice } from '../../terminal/components/ErrorNotice.js';
import { Spinner } from '../../terminal/components/Spinner.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { usePurchase } from '../hooks/use-purchase.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

export interface ProcessingScreenProps {
  readonly request: PurchaseTicketsRequest;
  readonly onAnswer: (response: PurchaseTicketsResponse) => void;
  /** The buyer gives up after an error: card data is wiped. */
  readonly onGiveUp: () => void;
}

/** The purchase in flight: a spinner, then either the outcome (handled by the app) or a retry that reuses the idempotency key. */
export function ProcessingScreen({ request, onAnswer, onGiveUp }: ProcessingScreenProps) {
  const { call, retry } = usePurchase(request, onAnswer);
  useKeys(
    (input, key) => {
      if (call.state === 'retryable' && (input === 'r' || key.return)) retry();
      else if (key.escape) onGiveUp();
    },
    { isActive: call.state !== 'sending' },
  );
  const keys =
    call.state === 'retryable'
      ? ([
          ['r/Enter', 'try again'],
          ['Esc', 'give up'],
        ] as const)
      : call.state === 'failed'
        ? ([['Esc', 'back to payment']] as const)
        : ([] as const);
  return (
    <KioskScreen title="Paying" keys={keys}>
      {call.state === 'sending' ? (
        <Spinner label="Paying and issuing your tickets…" hint="This takes a few seconds. Please wait." />
      ) : null}
      {call.state === 'retryable' ? (
        <Box flexDirection="column" gap={1}>
          <ErrorNotice problem={call.problem} next="We could not find out whether the payment went through." />
          <Text>
            Press <Text bold>r</Text> to try again: the same order is sent again, so you are{' '}
            <Text bold>never charged twice</Text>.
          </Text>
          <Text dimColor>
            If you give up now and the payment did go through, ask staff: your tickets are kept at the center.
          </Text>
        </Box>
      ) : null}
      {call.state === 'failed' ? (
        <ErrorNotice problem={call.problem} next="Nothing was charged. Press Esc to check your payment details." />
      ) : null}
    </KioskScreen>
  );
}
