/**
 * How a screen fits the terminal it is drawn on. The screens are laid out
 * for 80 × 24 (STYLE.md); a larger terminal gives the frame its full size
 * (key help at the bottom) and lists its extra lines; a smaller one would
 * wrap lines behind Ink's back and leave pieces of earlier screens, so it
 * gets one short "make the window larger" notice instead.
 */

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

/** The terminal's size; unknown when the output is not a terminal (tests, a pipe). */
export interface TerminalSize {
  readonly columns?: number;
  readonly rows?: number;
}

export type ScreenLayout =
  /** Too small: say so, in a box this wide. */
  | { readonly fits: false; readonly width: number; readonly columns: number; readonly rows: number }
  /**
   * `height`: lines the frame fills at least (one less than the terminal, so Ink does not scroll it), or
   * undefined when the size is unknown; `extraRows`: lines beyond 24 that lists may use.
   */
  | { readonly fits: true; readonly width: number; readonly height?: number; readonly extraRows: number };

export function screenLayout({ columns, rows }: TerminalSize): ScreenLayout {
  if (!columns || !rows) return { fits: true, width: MIN_COLUMNS, extraRows: 0 };
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { fits: false, width: Math.max(1, columns - 1), columns, rows };
  return { fits: true, width: columns, height: rows - 1, extraRows: rows - MIN_ROWS };
}

/** The words of the too-small notice. */
export function tooSmallWords(columns: number, rows: number): string {
  return `Make the window larger: this screen needs at least ${MIN_COLUMNS} × ${MIN_ROWS} characters (it is ${columns} × ${rows} now).`;
}
