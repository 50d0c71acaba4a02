import { Box, Text } from 'ink';
import type { CardContents } from '../../card/index.js';
import { TicketList } from '../../terminal/components/TicketList.js';
import { formatDateTime } from '../../terminal/format.js';
import { useListCursor } from '../../terminal/hooks/use-list-cursor.js';
import { useExtraRows } from '../../terminal/hooks/use-terminal-size.js';
import { useKiosk } from '../kiosk-context.js';

const PAGE = 5;

/**
 * What the card holds after a write, read back from the card (claims 13, 19):
 * every ticket, this order's marked, and the order's buyer identification and
 * additional information. ↑↓ scroll when there are more tickets than fit.
 */
export function CardContentsView({ contents, orderId }: { readonly contents: CardContents; readonly orderId: string }) {
  const { timeZone } = useKiosk();
  const { tickets } = contents.image;
  const page = PAGE + useExtraRows();
  // A list to read, not to choose from: the cursor runs over the first row shown, so each ↑↓ scrolls by one.
  // It starts where this order's tickets begin (merged onto the card, they may sit below older ones).
  const firstOfOrder = Math.max(
    0,
    tickets.findIndex((t) => t.ticket?.orderId === orderId),
  );
  const scroll = useListCursor({
    count: Math.max(1, tickets.length - page + 1),
    pageSize: page,
    isActive: true,
    initial: Math.min(firstOfOrder, Math.max(0, tickets.length - page)),
  });
  const mine = tickets.filter((t) => t.ticket?.orderId === orderId);
  const first = mine[0];
  const buyer = first?.buyerIdentification;
  const extra = first?.additionalInfo;
  const rows = tickets.map((ticket) => ({ ticket, mark: ticket.ticket?.orderId === orderId ? '★' : '' }));
  return (
    <Box flexDirection="column">
      <TicketList rows={rows} start={scroll.index} pageSize={page} timeZone={timeZone} />
      <Text
        dimColor
      >{`★ this order · ${tickets.length} ticket${tickets.length === 1 ? '' : 's'} on card ${contents.image.cardId}`}</Text>
      {buyer ? (
        <Box flexDirection="column" marginTop={1}>
          <Text wrap="truncate-end">
            <Text bold>Buyer</Text> {buyer.buyerName} · <Text bold>Order</Text> {buyer.orderId} ·{' '}
            {formatDateTime(buyer.orderedAt, timeZone)}
          </Text>
          <Text wrap="truncate-end" dimColor>
            {buyer.orderContents}
          </Text>
          {extra?.venueNotes ? <Text wrap="truncate-end">{`Venue: ${extra.venueNotes}`}</Text> : null}
          {extra?.entryInstructions ? <Text wrap="truncate-end">{`Entry: ${extra.entryInstructions}`}</Text> : null}
        </Box>
      ) : null}
    </Box>
  );
}
