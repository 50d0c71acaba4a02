import { Box, Text } from 'ink';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { useListCursor } from '../../terminal/hooks/use-list-cursor.js';
import { theme } from '../../terminal/theme.js';
import { GateFrame } from '../components/GateFrame.js';
import { TicketRow } from '../components/TicketRow.js';
import type { PresentedCard } from '../flow/gate-state.js';
import { ticketUsability } from '../flow/ticket-usability.js';
import type { FrameProps } from './WaitingScreen.js';
import { useExtraRows } from '../../terminal/hooks/use-terminal-size.js';

export interface TicketMenuScreenProps {
  readonly frame: FrameProps;
  readonly card: PresentedCard;
  /** The row highlighted when the menu opens. */
  readonly highlighted: number;
  /** Enter: use the ticket at `index`. */
  readonly onUse: (index: number) => void;
  /** c: check the ticket at `index` without using it. */
  readonly onCheck: (index: number) => void;
  readonly onCancel: () => void;
  /** Reads the card and asks the center again. */
  readonly onRefresh: () => void;
}

/** Tickets shown at once (two lines each) with no warning above them; each warning takes one away, so the menu fits 80x24. */
const MAX_VISIBLE = 5;

/**
 * The heart of the gate (claims 4, 14, 17, 25): every ticket on the card with
 * its state here, the first usable one highlighted; the attendant chooses.
 */
export function TicketMenuScreen({
  frame,
  card,
  highlighted,
  onUse,
  onCheck,
  onCancel,
  onRefresh,
}: TicketMenuScreenProps) {
  const count = card.tickets.length;
  // Each menu ticket takes two lines: a taller terminal shows more of them.
  const visible = MAX_VISIBLE + Math.floor(useExtraRows() / 2) - (card.copied ? 1 : 0) - (card.checkProblem ? 1 : 0);
  // Space presented the card on the screen before: a second press must not move the highlight.
  const cursor = useListCursor({
    count,
    pageSize: visible,
    isActive: true,
    initial: highlighted,
    wrap: true,
    spacePages: false,
    onChoose: onUse,
  });
  useKeys((input, key) => {
    if (key.escape) onCancel();
    else if (input === 'r') {
      frame.center.retry();
      onRefresh();
    } else if (count === 0) return;
    else if (input === 'c') onCheck(cursor.current());
    else if (/^[1-9]$/.test(input)) cursor.jump(Number(input) - 1);
  });

  const { start, end } = cursor;
  const shown = card.tickets.slice(start, end);
  const usable = card.checks?.filter((check) => check.admitted).length;
  const keys =
    count === 0
      ? ([['Esc', 'back']] as const)
      : ([
          ['↑↓/1-9', 'choose'],
          ['Enter', 'use'],
          ['c', 'check only'],
          ['r', 're-read'],
          ['Esc', 'cancel'],
        ] as const);
  return (
    <GateFrame {...frame} title="Choose a ticket" keys={keys}>
      <Text>
        Card {card.cardId}:{' '}
        <Text bold>
          {count} ticket{count === 1 ? '' : 's'}
        </Text>
        {usable !== undefined ? <Text>, {usable} usable at this gate now</Text> : null}
      </Text>
      {count > 0 ? <Text dimColor>Choose the buyer's ticket (↑↓ or its number) and press Enter to use it.</Text> : null}
      {card.copied ? (
        <Text color={theme.bad} bold>
          ⚠ This card is a copy: its tickets were written for card {card.imageCardId}.
        </Text>
      ) : null}
      {card.checkProblem ? (
        <Text color={theme.warn} bold>
          ⚠ {card.checkProblem} Nothing can be admitted until it answers.
        </Text>
      ) : null}
      {count === 0 ? <Text>This card holds no tickets. Send the buyer to the box office.</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor>{start > 0 ? `   ↑ ${start} more` : ' '}</Text>
        {shown.map((ticket, offset) => (
          <TicketRow
            key={start + offset}
            number={start + offset + 1}
            ticket={ticket}
            usability={ticketUsability(card, start + offset)}
            highlighted={start + offset === cursor.index}
          />
        ))}
        {end < count ? <Text dimColor>{`   ↓ ${count - end} more`}</Text> : null}
      </Box>
    </GateFrame>
  );
}
