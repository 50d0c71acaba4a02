/**
 * Colours by meaning. Only the named ANSI colours and dim text, never white
 * or black, so screens stay readable on dark and light terminals alike.
 */
export const theme = {
  accent: 'cyan',
  ok: 'green',
  bad: 'red',
  warn: 'yellow',
  selected: 'cyan',
} as const;
