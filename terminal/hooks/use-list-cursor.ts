import { useEffect, useReducer, useRef } from 'react';
import { listCursorReducer, type CursorAction, type CursorList, type CursorMove } from '../list-cursor.js';
import { useKeys } from './use-keys.js';

export interface ListCursor {
  /** The highlighted row. */
  readonly index: number;
  /** The first row shown; rows [start, end) are visible. */
  readonly start: number;
  readonly end: number;
  /** Highlights row `index` (ignored outside the list), e.g. for a number key. */
  readonly jump: (index: number) => void;
  /** The highlighted row as the keys so far left it, for a screen's own key that acts on it. */
  readonly current: () => number;
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
  /** The row highlighted first (default the first). */
  readonly initial?: number;
  /** ↓ on the last row goes round to the first, ↑ on the first to the last. */
  readonly wrap?: boolean;
  /** Space pages down, as in a pager (default); off where a second Space after the screen before must not move the highlight. */
  readonly spacePages?: boolean;
}

const ANY_ROW = () => true;

/**
 * Keyboard movement through a list longer than the screen: ↑↓ and j/k move,
 * PgUp/PgDn page, Home/End jump, Enter chooses; the visible window follows
 * the cursor (terminal/list-cursor.ts is the reducer).
 */
export function useListCursor(options: ListCursorOptions): ListCursor {
  const {
    count,
    pageSize,
    isActive,
    selectable = ANY_ROW,
    onChoose,
    initial = 0,
    wrap = false,
    spacePages = true,
  } = options;
  const list: CursorList = { count, pageSize, selectable, wrap };
  const [state, dispatch] = useReducer(listCursorReducer, { index: initial, start: 0 }, (first) =>
    listCursorReducer(first, { move: 'fit', list }),
  );
  // The row as the keys left it: several keys can arrive in one read, before the next render, and
  // Enter must choose where the arrows before it moved to, not the row on screen. The same pure
  // reducer keeps this copy in step with React's.
  const latest = useRef(state);
  latest.current = state;
  const apply = (move: CursorMove) => {
    const action: CursorAction = { move, list };
    latest.current = listCursorReducer(latest.current, action);
    dispatch(action);
  };

  useEffect(() => {
    apply('fit');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes size
  }, [count, pageSize]);

  useKeys(
    (input, key) => {
      if (count === 0) return;
      if (key.downArrow || input === 'j') apply('down');
      else if (key.upArrow || input === 'k') apply('up');
      else if (key.pageDown || (spacePages && input === ' ')) apply('page-down');
      else if (key.pageUp) apply('page-up');
      else if (key.home) apply('first');
      else if (key.end) apply('last');
      else if (key.return && selectable(latest.current.index)) onChoose?.(latest.current.index);
    },
    { isActive },
  );

  const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
  return {
    index: clamp(state.index),
    start: state.start,
    end: Math.min(count, state.start + pageSize),
    jump: (index) => apply({ to: index }),
    current: () => clamp(latest.current.index),
  };
}
