/** One column of a fixed-width row on a terminal screen: `text` cut to `width` columns with an ellipsis, padded to exactly `width`. */
export function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}
