import { Box, Text } from 'ink';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { cell, formatDateTime } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import type { TicketUsability } from '../flow/ticket-usability.js';

export interface TicketRowProps {
  /** 1-based, the key that highlights it. */
  readonly number: number;
  readonly ticket: CardTicket;
  readonly usability: TicketUsability;
  readonly highlighted: boolean;
}

/**
 * Two lines per ticket: event, date and time, seat; then buyer and its state
 * at this gate. Tickets that cannot be used here are dimmed with the reason.
 */
export function TicketRow({ number, ticket, usability, highlighted }: TicketRowProps) {
  const info = ticket.ticket;
  const buyer = ticket.buyerIdentification?.buyerName ?? '';
  const mark = usability.usable ? '✔' : usability.unknown ? '?' : '✖';
  const stateColor = usability.usable ? theme.ok : usability.unknown ? theme.warn : undefined;
  const dim = !usability.usable && !highlighted;
  return (
    <Box flexDirection="column">
      <Text color={highlighted ? theme.selected : undefined} bold={highlighted} dimColor={dim}>
        {highlighted ? '▶ ' : '  '}
        {`${String(number).padStart(2)}  ${cell(info?.eventName ?? '', 28)}  ${cell(formatDateTime(info?.startsAt), 16)}  ${cell(info?.seat ?? '', 22)}`}
      </Text>
      <Text dimColor={dim}>
        {'      '}
        {cell(buyer, 20)} <Text color={stateColor}>{cell(`${mark} ${usability.words}`, 52).trimEnd()}</Text>
      </Text>
    </Box>
  );
}
