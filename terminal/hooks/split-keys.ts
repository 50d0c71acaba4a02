/**
 * The keys in one keyboard read. Ink splits escape sequences (arrows, Esc)
 * from the rest of a read but hands a run of plain text over as one "key", so
 * when a busy machine delivers a name's last letter and the Enter after it in
 * one read ("a\r"), or Enter twice, the Enter is taken for text and lost. And
 * an Enter pressed just before Ink switched the terminal to raw mode arrives
 * as "\n" (the terminal turned CR into NL), which Ink does not call return.
 * This splits such a run into its text and its Enter, Tab and Backspace keys.
 */
import type { Key } from 'ink';

const CONTROL = /[\r\n\t\b\x7f]/;

export function splitKeys(input: string, key: Key): Array<readonly [string, Key]> {
  if (!CONTROL.test(input) || input.includes('\u001B') || (input.length === 1 && input !== '\n')) return [[input, key]];
  const plain: Key = { ...key, return: false, tab: false, backspace: false, delete: false };
  const keys: Array<readonly [string, Key]> = [];
  let text = '';
  const flush = () => {
    if (text) keys.push([text, plain]);
    text = '';
  };
  for (const character of input) {
    if (!CONTROL.test(character)) {
      text += character;
      continue;
    }
    flush();
    if (character === '\r' || character === '\n') keys.push(['', { ...plain, return: true }]);
    else if (character === '\t') keys.push(['', { ...plain, tab: true }]);
    else if (character === '\b') keys.push(['', { ...plain, backspace: true }]);
    else keys.push(['', { ...plain, delete: true }]);
  }
  flush();
  return keys;
}
