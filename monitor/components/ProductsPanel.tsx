import { Box, Text } from 'ink';
import type { ProductStats } from '../../gen/cardgate/v1/admin.js';
import { cell } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import { fitRows } from '../model/row-budget.js';
import { Bar } from './Bar.js';

export interface ProductsPanelProps {
  /** Undefined until the center first answered. */
  readonly stats?: readonly ProductStats[];
  readonly width: number;
  readonly rows: number;
}

/** Columns of one row, from the terminal's width: the name gets what the bars and numbers leave. */
function columns(width: number) {
  const bar = width >= 110 ? 20 : 10;
  return { bar, name: Math.max(12, width - 2 * (bar + 11) - 9) };
}

const ratio = (value: number, of: number) => cell(`${value}/${of}`, 9);

/** Per product: sold / capacity and admitted / sold as bars with their numbers, and how many are inside now (SPEC §10). */
export function ProductsPanel({ stats, width, rows }: ProductsPanelProps) {
  const col = columns(width);
  const { shown, more } = fitRows(stats ?? [], rows);
  return (
    <Box flexDirection="column">
      <Text bold>
        {cell('Product', col.name)} {cell('Sold / capacity', col.bar + 10)} {cell('Admitted / sold', col.bar + 10)}
        {'  Inside'}
      </Text>
      {!stats ? <Text dimColor>asking the center…</Text> : null}
      {stats?.length === 0 ? <Text dimColor>no current or coming products</Text> : null}
      {shown.map((s) => (
        <Text key={s.product!.id}>
          <Text dimColor={!s.onSale}>{cell(s.product!.name, col.name)}</Text>{' '}
          <Bar value={s.sold} of={s.product!.capacity} width={col.bar} color={theme.accent} />{' '}
          {ratio(s.sold, s.product!.capacity)} <Bar value={s.admitted} of={s.sold} width={col.bar} color={theme.ok} />{' '}
          {ratio(s.admitted, s.sold)}
          {String(s.inside).padStart(8)}
        </Text>
      ))}
      {more ? <Text dimColor>… and {more} more products</Text> : null}
    </Box>
  );
}
