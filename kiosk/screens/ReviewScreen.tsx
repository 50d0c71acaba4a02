import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatDateTime, formatMoney } from '../../terminal/format.js';
import { KioskScreen } from '../components/KioskScreen.js';
import type { Order } from '../flow/kiosk-state.js';
import { useKiosk } from '../kiosk-context.js';
import { formatExpiry, maskCardNumber, type PaymentInput } from '../payment.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { useNow } from '../../terminal/hooks/use-now.js';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import { salesClosed } from '../sales-window.js';
import { theme } from '../../terminal/theme.js';

export interface ReviewScreenProps {
  readonly order: Order;
  readonly payment: PaymentInput;
  /** The product as the catalog knows it now (an operator may have closed its sales meanwhile). */
  readonly liveProduct?: Product;
  readonly onConfirm: () => void;
  readonly onBack: () => void;
  /** Sales closed: choose another event, keeping what the buyer typed but not the card data. */
  readonly onOtherEvent: () => void;
}

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Box>
      <Box width={14}>
        <Text dimColor>{label}</Text>
      </Box>
      <Text>{children}</Text>
    </Box>
  );
}

/** Step 5: everything the buyer is about to pay for; Enter charges the card, Esc goes back to change it. */
export function ReviewScreen({ order, payment, liveProduct, onConfirm, onBack, onOtherEvent }: ReviewScreenProps) {
  const { timeZone, status, clock } = useKiosk();
  const { product, quantity, buyer, card } = order;
  // Sales can close while the buyer reads this (their time, or an operator's close): then paying is refused,
  // so offer another event instead of Enter.
  const closed = salesClosed(liveProduct ?? product, useNow(clock));
  // Known to be down (or refusing this kiosk): paying now would only end in "we could not find out
  // whether the payment went through". Say so here, before anything is sent, and wait for it.
  const centerDown = status.state === 'offline' || status.state === 'refused';
  useKeys((_input, key) => {
    if (key.return && closed) onOtherEvent();
    else if (key.return && !centerDown) onConfirm();
    else if (key.escape) onBack();
  });
  return (
    <KioskScreen
      title="Check and pay"
      step="step 5 of 5"
      keys={
        closed
          ? [
              ['Enter', 'choose another event'],
              ['Esc', 'back'],
            ]
          : centerDown
            ? [['Esc', 'back to change something']]
            : [
                ['Enter', 'confirm and pay'],
                ['Esc', 'back to change something'],
              ]
      }
    >
      <Row label="Event">{product.name}</Row>
      <Row label="When, where">{`${formatDateTime(product.startsAt, timeZone)} · ${product.venue}`}</Row>
      <Row label="Tickets">{`${quantity} × ${formatMoney(product.price)}`}</Row>
      <Row label="Total">
        <Text bold>{formatMoney(product.price, quantity)}</Text>
      </Row>
      <Row label="Name">{buyer.name}</Row>
      {buyer.email ? <Row label="E-mail">{buyer.email}</Row> : null}
      <Row label="Credit card">{`${maskCardNumber(payment.number)}  expires ${formatExpiry(payment.expiry)}`}</Row>
      <Row label="IC card">{card.id}</Row>
      <Text> </Text>
      {closed ? (
        <Text bold color={theme.bad}>
          Sales for this event closed while you were checking. Nothing was charged. Press Enter to choose another event.
        </Text>
      ) : centerDown ? (
        <Text bold color={theme.warn}>
          {status.state === 'refused'
            ? 'This kiosk cannot take payments now. Nothing was charged. Please ask staff.'
            : 'The sales center is not answering, so you cannot pay yet. Nothing was charged; your details are kept. Enter pays as soon as it answers again.'}
        </Text>
      ) : (
        <Text bold>Press Enter to pay {formatMoney(product.price, quantity)}, or Esc to go back.</Text>
      )}
    </KioskScreen>
  );
}
