/** Several keys in one keyboard read reach the screens one by one (terminal/hooks/split-keys.ts). */
import test from 'ava';
import type { Key } from 'ink';
import { splitKeys } from '../../terminal/hooks/split-keys.js';

const NONE: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
} as Key;
const keys = (input: string, key: Partial<Key> = {}) =>
  splitKeys(input, { ...NONE, ...key }).map(([text, k]) =>
    k.return ? '⏎' : k.tab ? '⇥' : k.delete || k.backspace ? '⌫' : k.ctrl ? `Ctrl+${text}` : text,
  );

test('a letter, an arrow or a lone Enter is one key, as Ink parsed it', (t) => {
  t.deepEqual(keys('a'), ['a']);
  t.deepEqual(keys('\r', { return: true }), ['⏎']);
  t.deepEqual(keys('\u001B[B', { downArrow: true }), ['\u001B[B']);
});

test('text and the Enter after it in one read are the text, then Enter', (t) => {
  t.deepEqual(keys('Hanako\r'), ['Hanako', '⏎']);
  t.deepEqual(keys('\r\r'), ['⏎', '⏎']);
  t.deepEqual(keys('2\r'), ['2', '⏎']);
});

test('an Enter typed before raw mode arrives as a newline and is still Enter', (t) => {
  t.deepEqual(keys('\n'), ['⏎']);
});

test('Tab and Backspace inside a run are keys of their own', (t) => {
  t.deepEqual(keys('ab\tc'), ['ab', '⇥', 'c']);
  t.deepEqual(keys('abd\u007Fc'), ['abd', '⌫', 'c']);
});

test('Ctrl+letters in one read are keys of their own, each with ctrl', (t) => {
  t.deepEqual(keys('\u0018\u0018\u0018'), ['Ctrl+x', 'Ctrl+x', 'Ctrl+x']);
  t.deepEqual(keys('a\u0012b'), ['a', 'Ctrl+r', 'b']);
});
