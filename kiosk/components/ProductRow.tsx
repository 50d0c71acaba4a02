import { Text } from 'ink';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import { cell, formatDateTime, formatMoney } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';

export const PRODUCT_HEADER = `  ${cell('Event', 22)} ${cell('When', 16)} ${cell('Venue', 17)} ${'Price'.padStart(9)} ${'Seats left'.padStart(10)}`;

/** One catalog line within 80 columns: event, date and time, venue, price, seats left (or SOLD OUT, dim, not selectable). */
export function ProductRow({
  product,
  selected,
  timeZone,
}: {
  readonly product: Product;
  readonly selected: boolean;
  readonly timeZone?: string;
}) {
  const soldOut = product.remaining <= 0;
  const seats = soldOut ? 'SOLD OUT' : String(product.remaining);
  const line = `${cell(product.name, 22)} ${cell(formatDateTime(product.startsAt, timeZone), 16)} ${cell(product.venue, 17)} ${formatMoney(product.price).padStart(9)} `;
  return (
    <Text dimColor={soldOut && !selected} color={selected ? theme.selected : undefined} bold={selected}>
      {selected ? '› ' : '  '}
      {line}
      <Text color={soldOut ? theme.bad : product.remaining <= 10 ? theme.warn : undefined}>{seats.padStart(10)}</Text>
    </Text>
  );
}
