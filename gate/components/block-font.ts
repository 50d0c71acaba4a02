/**
 * A 5-row block font for the few words the verdict screen shows (ADMIT,
 * REJECTED, VALID, NOT VALID, NO ANSWER): readable from a metre away on an
 * 80x24 terminal, and needs no font package.
 */
const GLYPHS: Record<string, readonly string[]> = {
  A: [' ███ ', '█   █', '█████', '█   █', '█   █'],
  C: [' ████', '█    ', '█    ', '█    ', ' ████'],
  D: ['████ ', '█   █', '█   █', '█   █', '████ '],
  E: ['█████', '█    ', '████ ', '█    ', '█████'],
  I: ['███', ' █ ', ' █ ', ' █ ', '███'],
  J: ['  ███', '   █ ', '   █ ', '█  █ ', ' ██  '],
  L: ['█    ', '█    ', '█    ', '█    ', '█████'],
  M: ['█   █', '██ ██', '█ █ █', '█   █', '█   █'],
  N: ['█   █', '██  █', '█ █ █', '█  ██', '█   █'],
  O: [' ███ ', '█   █', '█   █', '█   █', ' ███ '],
  R: ['████ ', '█   █', '████ ', '█  █ ', '█   █'],
  S: [' ████', '█    ', ' ███ ', '    █', '████ '],
  T: ['█████', '  █  ', '  █  ', '  █  ', '  █  '],
  V: ['█   █', '█   █', '█   █', ' █ █ ', '  █  '],
  W: ['█   █', '█   █', '█ █ █', '██ ██', '█   █'],
  ' ': ['  ', '  ', '  ', '  ', '  '],
};

export const BLOCK_ROWS = 5;

/** The five text rows of `word` in block letters, one column between letters; unknown characters are left out. */
export function blockRows(word: string): string[] {
  const glyphs = [...word.toUpperCase()].map((character) => GLYPHS[character]).filter((glyph) => glyph !== undefined);
  return Array.from({ length: BLOCK_ROWS }, (_, row) => glyphs.map((glyph) => glyph[row]).join(' '));
}
