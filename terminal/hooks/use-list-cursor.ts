import { useEffect, useRef, useState } from 'react';
import { useKeys } from './use-keys.js';

export interface ListCursor {
  /** The highlighted row. */
  readonly index: number;
  /** The first row shown; rows [start, start + pageSize) are visible. */
  readonly start: number;
  readonly end: number;
}

export interface ListCursorOptions {
  readonly count: number;
  /** Rows that fit on the screen. */
  readonly pageSize: number;
  readonly isActive: boolean;
  /** Rows that cannot be chosen are skipped by the arrow keys when possible (they stay visible). */
  readonly selectable?: (index: number) => boolean;
  /** Enter on a selectable row. */
  readonly onChoose?: (index: number) => void;
}

/**
 * Keyboard movement through a list longer than the screen: ↑↓ and j/k move,
 * PgUp/PgDn page, Home/End jump, Enter chooses; the visible window follows the cursor.
 */
export function useListCursor({ count, pageSize, isActive, selectable = () => true, onChoose }: ListCursorOptions): ListCursor {
  const [index, setIndex] = useState(0);
  const [start, setStart] = useState(0);
  // The row as the keys left it: several keys can arrive in one read, before the next render, and
  // Enter must choose where the arrows before it moved to, not the row on screen.
  const latest = useRef(index);
  latest.current = index;
  const moveTo = (next: (from: number) => number) => {
    latest.current = next(latest.current);
    setIndex(latest.current);
  };

  const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
  const step = (from: number, direction: 1 | -1) => {
    for (let n = from + direction; n >= 0 && n < count; n += direction) if (selectable(n)) return n;
    return from;
  };

  useEffect(() => {
    if (index >= count && count > 0) setIndex(count - 1);
    else if (count > 0 && index === 0 && !selectable(0)) setIndex(step(0, 1));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes size
  }, [count]);

  useEffect(() => {
    if (index < start) setStart(index);
    else if (index >= start + pageSize) setStart(index - pageSize + 1);
  }, [index, start, pageSize]);

  useKeys(
    (input, key) => {
      if (count === 0) return;
      if (key.downArrow || input === 'j') moveTo((i) => step(i, 1));
      else if (key.upArrow || input === 'k') moveTo((i) => step(i, -1));
      else if (key.pageDown || input === ' ') moveTo((i) => clamp(i + pageSize));
      else if (key.pageUp) moveTo((i) => clamp(i - pageSize));
      else if (key.home) moveTo(() => 0);
      else if (key.end) moveTo(() => count - 1);
      else if (key.return && selectable(latest.current)) onChoose?.(latest.current);
    },
    { isActive },
  );

  const safeIndex = clamp(index);
  return { index: safeIndex, start, end: Math.min(count, start + pageSize) };
}
