import { Text } from 'ink';

/** `value` of `of` as a bar `width` columns wide (full blocks, the rest shaded); an empty bar when `of` is 0. */
export function barText(value: number, of: number, width: number): string {
  const filled = of > 0 ? Math.round((Math.min(value, of) / of) * width) : 0;
  // Some but not none: at least one block, so 1 of 500 does not look like nothing.
  const shown = value > 0 && filled === 0 ? 1 : filled;
  return '█'.repeat(shown) + '░'.repeat(width - shown);
}

export function Bar({
  value,
  of,
  width,
  color,
}: {
  readonly value: number;
  readonly of: number;
  readonly width: number;
  readonly color: string;
}) {
  return <Text color={color}>{barText(value, of, width)}</Text>;
}
