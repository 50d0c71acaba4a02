import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import type { Card } from '../../card/index.js';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import { useCardTask } from '../../terminal/card/use-card-task.js';
import { count, formatDateTime, formatMoney } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import { maxQuantity, ticketsThatFit } from '../card-space.js';
import { CardWait } from '../components/CardWait.js';
import { KioskScreen } from '../components/KioskScreen.js';
import type { CardSpace } from '../flow/kiosk-state.js';
import { stepQuantity, type QuantityMove } from '../flow/quantity.js';
import { useKiosk } from '../kiosk-context.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { useNow } from '../../terminal/hooks/use-now.js';
import { salesClosed } from '../sales-window.js';

export interface QuantityScreenProps {
  /** The chosen product, kept live (seats left) by the app. */
  readonly product: Product;
  readonly initial: number;
  readonly onChoose: (quantity: number, card: CardSpace) => void;
  readonly onBack: () => void;
  /** To the My card screen, when the card is too full. */
  readonly onMyCard: () => void;
}

const readCardSpace = async (card: Card): Promise<CardSpace> => ({
  id: card.id,
  freeBytes: card.freeBytes(await card.readImage()),
});

/** Step 2: how many tickets, bounded by seats left and by the room on the IC card (read now, before anything is charged). */
export function QuantityScreen({ product, initial, onChoose, onBack, onMyCard }: QuantityScreenProps) {
  const { timeZone, clock } = useKiosk();
  const closed = salesClosed(product, useNow(clock));
  const card = useCardTask(readCardSpace, { runOnMount: true });
  const [quantity, setQuantity] = useState(initial);
  const fit = card.result ? ticketsThatFit(product, card.result.freeBytes) : 0;
  const max = card.result && !closed ? maxQuantity(product, card.result.freeBytes) : 0;
  const shown = Math.max(1, Math.min(quantity, max));
  // The quantity as the keys so far left it: several keys can arrive before the next render.
  const latest = useRef(shown);
  latest.current = shown;
  const move = (to: QuantityMove) => {
    latest.current = stepQuantity(latest.current, to, max);
    setQuantity(latest.current);
  };

  useKeys((input, key) => {
    if (key.escape) return onBack();
    if (card.state === 'failed' && input === 'r') return card.run();
    if (card.state !== 'done') return;
    if (max === 0) return input === 'm' && fit === 0 && !closed ? onMyCard() : undefined;
    if (key.upArrow || key.rightArrow || input === '+' || input === 'k') move('more');
    else if (key.downArrow || key.leftArrow || input === '-' || input === 'j') move('fewer');
    else if (/^[1-9]$/.test(input)) move({ to: Number(input) });
    else if (key.return) onChoose(latest.current, card.result!);
  });

  const keys =
    card.state === 'done' && max > 0
      ? ([
          ['↑↓', 'more/fewer'],
          ['1-9', 'number'],
          ['Enter', 'continue'],
          ['Esc', 'back'],
        ] as const)
      : ([['Esc', 'back']] as const);
  return (
    <KioskScreen title="How many tickets?" step="step 2 of 5" keys={keys}>
      <Text bold>{product.name}</Text>
      <Text>{`${formatDateTime(product.startsAt, timeZone)} · ${product.venue} · ${formatMoney(product.price)} each`}</Text>
      <Text> </Text>
      <CardWait task={card} doing="Reading your IC card…" />
      {card.state === 'done' && max > 0 ? (
        <Box flexDirection="column">
          <Text>
            Tickets: <Text bold color={theme.accent}>{`◀ ${shown} ▶`}</Text>
            {'   Total: '}
            <Text bold>{formatMoney(product.price, shown)}</Text>
          </Text>
          <Text
            dimColor
          >{`Up to ${max}: ${count(product.remaining, 'seat')} left, room for ${fit} more on your IC card.`}</Text>
        </Box>
      ) : null}
      {card.state === 'done' && max === 0 ? (
        <Text color={theme.bad}>
          {closed
            ? 'Sales for this event have just closed. Press Esc to choose another event.'
            : product.remaining <= 0
              ? 'This event has just sold out. Press Esc to choose another event.'
              : 'Your IC card is full: not even one more ticket fits. Press m to clear used tickets off it (My card), or use another card.'}
        </Text>
      ) : null}
    </KioskScreen>
  );
}
