import { Box, Text } from 'ink';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { cell, formatDateTime } from '../format.js';
import { theme } from '../theme.js';

export interface TicketRow {
  readonly ticket: CardTicket;
  /** A short mark in front of the row, e.g. "new". */
  readonly mark?: string;
  /** The ticket's state in words, e.g. "valid", "used", and its colour. */
  readonly state?: string;
  readonly stateColor?: string;
}

export interface TicketListProps {
  readonly rows: readonly TicketRow[];
  /** The highlighted row, when the list is a menu. */
  readonly selected?: number;
  /** First visible row and how many fit; the rest is summarised as "↑/↓ N more". */
  readonly start?: number;
  readonly pageSize?: number;
  readonly timeZone?: string;
}

/** The tickets on a card, one line each (event, start, seat, state), within 80 columns. */
export function TicketList({ rows, selected, start = 0, pageSize = rows.length, timeZone }: TicketListProps) {
  if (rows.length === 0) return <Text dimColor>No tickets on this card.</Text>;
  const end = Math.min(rows.length, start + pageSize);
  return (
    <Box flexDirection="column">
      <Text
        dimColor
      >{`    ${cell('Event', 26)} ${cell('Starts', 16)} ${cell('Seat', 17)} ${rows.some((row) => row.state) ? 'State' : ''}`}</Text>
      {start > 0 ? <Text dimColor>{`    ↑ ${start} more`}</Text> : null}
      {rows.slice(start, end).map((row, offset) => {
        const at = start + offset;
        const info = row.ticket.ticket;
        const isSelected = at === selected;
        return (
          <Box key={info?.ticketId ?? at}>
            <Text color={isSelected ? theme.selected : undefined} bold={isSelected}>
              {isSelected ? '› ' : '  '}
            </Text>
            <Text color={theme.ok} bold>
              {cell(row.mark ?? '', 2)}
            </Text>
            <Text color={isSelected ? theme.selected : undefined} bold={isSelected}>
              {`${cell(info?.eventName ?? '?', 26)} ${cell(formatDateTime(info?.startsAt, timeZone), 16)} ${cell(info?.seat ?? '', 17)} `}
            </Text>
            <Text color={row.stateColor}>{cell(row.state ?? '', 11)}</Text>
          </Box>
        );
      })}
      {end < rows.length ? <Text dimColor>{`    ↓ ${rows.length - end} more`}</Text> : null}
    </Box>
  );
}
