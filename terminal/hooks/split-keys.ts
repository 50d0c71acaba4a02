/**
 * The keys in one keyboard read. Ink splits escape sequences (arrows, Esc)
 * from the rest of a read but hands a run of plain text over as one "key", so
 * when a busy machine delivers a name's last letter and the Enter after it in
 * one read ("a\r"), or Enter twice, the Enter is taken for text and lost. And
 * an Enter pressed just before Ink switched the terminal to raw mode arrives
 * as "\n" (the terminal turned CR into NL), which Ink does not call return.
 * This splits such a run into its text and its Enter, Tab and Backspace keys,
 * and its Ctrl+letter keys (Ctrl+X pressed three times quickly is "\x18\x18\x18"
 * in one read, which Ink reports as neither ctrl nor a letter).
 */
import type { Key } from 'ink';

/** Every C0 control character but Esc (escape sequences are Ink's to split), and Delete. */
const isControl = (character: string) => {
  const code = character.charCodeAt(0);
  return (code >= 0x01 && code <= 0x1a) || code === 0x7f;
};

export function splitKeys(input: string, key: Key): Array<readonly [string, Key]> {
  if (![...input].some(isControl) || input.includes('\u001B') || (input.length === 1 && input !== '\n'))
    return [[input, key]];
  const plain: Key = { ...key, return: false, tab: false, backspace: false, delete: false };
  const keys: Array<readonly [string, Key]> = [];
  let text = '';
  const flush = () => {
    if (text) keys.push([text, plain]);
    text = '';
  };
  for (const character of input) {
    if (!isControl(character)) {
      text += character;
      continue;
    }
    flush();
    if (character === '\r' || character === '\n') keys.push(['', { ...plain, return: true }]);
    else if (character === '\t') keys.push(['', { ...plain, tab: true }]);
    else if (character === '\b') keys.push(['', { ...plain, backspace: true }]);
    else if (character === '\x7f') keys.push(['', { ...plain, delete: true }]);
    else keys.push([String.fromCharCode(character.charCodeAt(0) + 96), { ...plain, ctrl: true }]);
  }
  flush();
  return keys;
}
