/**
 * The highlighted row of a list longer than the screen, and which rows are
 * shown, as a pure reducer: every list on a kiosk or gate screen moves the
 * same way. The keys are bound in hooks/use-list-cursor.ts.
 */

export interface CursorState {
  /** The highlighted row. */
  readonly index: number;
  /** The first row shown; rows [start, start + pageSize) are visible. */
  readonly start: number;
}

/** The list a move applies to, as the screen had it when the key arrived. */
export interface CursorList {
  readonly count: number;
  /** Rows that fit on the screen. */
  readonly pageSize: number;
  /** Rows that cannot be chosen are skipped by ↑↓ when possible (they stay visible). */
  readonly selectable: (index: number) => boolean;
  /** ↓ on the last row goes round to the first, ↑ on the first to the last. */
  readonly wrap: boolean;
}

/** `fit`: the list changed size; `to`: a row by number. */
export type CursorMove = 'down' | 'up' | 'page-down' | 'page-up' | 'first' | 'last' | 'fit' | { readonly to: number };

export interface CursorAction {
  readonly move: CursorMove;
  readonly list: CursorList;
}

export function listCursorReducer(state: CursorState, { move, list }: CursorAction): CursorState {
  if (list.count === 0 && move !== 'fit') return state;
  const index = moved(state.index, move, list);
  // The window follows the highlight, scrolling no further than it must.
  if (index < state.start) return { index, start: index };
  if (index >= state.start + list.pageSize) return { index, start: index - list.pageSize + 1 };
  return index === state.index ? state : { index, start: state.start };
}

function moved(from: number, move: CursorMove, list: CursorList): number {
  const clamp = (n: number) => Math.max(0, Math.min(list.count - 1, n));
  switch (move) {
    case 'down':
      return step(from, 1, list);
    case 'up':
      return step(from, -1, list);
    case 'page-down':
      return clamp(from + list.pageSize);
    case 'page-up':
      return clamp(from - list.pageSize);
    case 'first':
      return 0;
    case 'last':
      return list.count - 1;
    case 'fit':
      if (from >= list.count && list.count > 0) return list.count - 1;
      return list.count > 0 && from === 0 && !list.selectable(0) ? step(0, 1, list) : from;
    default:
      return move.to >= 0 && move.to < list.count ? move.to : from;
  }
}

/** The next selectable row in `direction`, or `from` when there is none. */
function step(from: number, direction: 1 | -1, { count, selectable, wrap }: CursorList): number {
  for (let k = 1; k < count; k++) {
    const n = wrap ? (((from + direction * k) % count) + count) % count : from + direction * k;
    if (n < 0 || n >= count) break;
    if (selectable(n)) return n;
  }
  return from;
}
