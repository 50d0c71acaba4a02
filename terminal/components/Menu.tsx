import { Box, Text } from 'ink';
import { useListCursor } from '../hooks/use-list-cursor.js';
import { theme } from '../theme.js';

export interface MenuItem {
  readonly label: string;
  /** One dim line under the highlighted item saying what it does. */
  readonly description?: string;
}

export interface MenuProps {
  readonly items: readonly MenuItem[];
  readonly onChoose: (index: number) => void;
  readonly isActive: boolean;
}

/** A short keyboard menu: ↑↓ (or j/k) and Enter, or the item's number. */
export function Menu({ items, onChoose, isActive }: MenuProps) {
  const cursor = useListCursor({ count: items.length, pageSize: items.length, isActive, onChoose });
  return (
    <Box flexDirection="column">
      {items.map((item, index) => {
        const selected = index === cursor.index;
        return (
          <Box key={item.label} flexDirection="column">
            <Text color={selected ? theme.selected : undefined} bold={selected}>
              {selected ? '› ' : '  '}
              {index + 1}. {item.label}
            </Text>
            {selected && item.description ? <Text dimColor>{`     ${item.description}`}</Text> : null}
          </Box>
        );
      })}
    </Box>
  );
}
