import { status as grpcStatus } from '@grpc/grpc-js';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { OrderState, type Order } from '../../gen/cardgate/v1/sales.js';
import { describeCenterError } from '../../terminal/center-errors.js';
import { ErrorNotice } from '../../terminal/components/ErrorNotice.js';
import { Spinner } from '../../terminal/components/Spinner.js';
import { TextField } from '../../terminal/components/TextField.js';
import { sameName } from '../buyer.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { useFormFocus } from '../hooks/use-form-focus.js';
import type { WriteJob } from '../write-tickets.js';
import { useKiosk } from '../kiosk-context.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

export interface RecoverScreenProps {
  readonly onRecovered: (job: WriteJob) => void;
  readonly onBack: () => void;
}

/** Why this order cannot be written, or undefined when it can. The name check keeps an order id alone from being enough. */
function refusal(order: Order, name: string): string | undefined {
  if (!sameName(order.buyerIdentification?.buyerName ?? '', name))
    return 'No order with this id and name. Check both as they were shown when you paid.';
  if (order.state === OrderState.ORDER_STATE_CANCELLED)
    return `Order ${order.orderId} was cancelled: its tickets are no longer valid.`;
  if (order.state !== OrderState.ORDER_STATE_ISSUED || order.tickets.length === 0)
    return `Order ${order.orderId} has no tickets to write (it was not paid).`;
  return undefined;
}

/** "Recover an order": order id and buyer name → GetOrder → write its tickets to the card they were issued to. */
export function RecoverScreen({ onRecovered, onBack }: RecoverScreenProps) {
  const { center } = useKiosk();
  const [orderId, setOrderId] = useState('');
  const [name, setName] = useState('');
  const [focus, setFocus] = useFormFocus(2);
  const [lookup, setLookup] = useState<{ state: 'idle' | 'looking' | 'failed'; problem?: string }>({ state: 'idle' });
  useKeys((_input, key) => {
    if (key.escape) onBack();
  });

  const submit = () => {
    const id = orderId.trim().toUpperCase();
    if (!id)
      return (
        setFocus(0),
        setLookup({ state: 'failed', problem: 'Enter the order id shown when you paid, e.g. ORD-7K3M9Q2B.' })
      );
    if (!name.trim())
      return (setFocus(1), setLookup({ state: 'failed', problem: 'Enter the name the order was bought under.' }));
    setLookup({ state: 'looking' });
    center.getOrder(id).then(
      (order) => {
        const why = refusal(order, name);
        if (why) return setLookup({ state: 'failed', problem: why });
        onRecovered({ orderId: order.orderId, cardId: order.cardId, tickets: order.tickets, fromPurchase: false });
      },
      (error: { code?: number }) =>
        setLookup({
          state: 'failed',
          problem:
            error.code === grpcStatus.NOT_FOUND
              ? 'No order with this id and name. Check both as they were shown when you paid.'
              : describeCenterError(error, center.address),
        }),
    );
  };

  const busy = lookup.state === 'looking';
  return (
    <KioskScreen
      title="Recover an order"
      keys={[
        ['Tab/↑↓', 'next field'],
        ['Enter', 'find the order'],
        ['Esc', 'back'],
      ]}
    >
      <Box flexDirection="column">
        <Text>Paid, but the tickets are not on your IC card? Enter the order id and your name.</Text>
        <Text> </Text>
        <TextField
          label="Order id"
          value={orderId}
          onChange={setOrderId}
          onSubmit={() => setFocus(1)}
          isActive={focus === 0 && !busy}
          accept={/[A-Za-z0-9-]/}
          maxLength={40}
          placeholder="ORD-…"
        />
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          onSubmit={submit}
          isActive={focus === 1 && !busy}
          maxLength={60}
          placeholder="as entered when buying"
        />
        {busy ? <Spinner label="Looking up the order…" /> : null}
        {lookup.state === 'failed' ? <ErrorNotice problem={lookup.problem!} /> : null}
      </Box>
    </KioskScreen>
  );
}
