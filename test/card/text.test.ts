/** card/text.ts: what text may hold, and what is shown of text that may not (issue 14). */
import test from 'ava';
import fc from 'fast-check';
import { printable, printableDeep, quoted, textProblem } from '../../card/text.js';

test('names, venues and notes in any script pass; controls, bidi controls, lone surrogates and U+FFFD do not', (t) => {
  for (const ok of ['Hanako Yamada', '山田 花子', 'Zoë Ørsted', 'Jazz Night 🎷', 'O’Brien-Smith', 'אבי', 'مرحبا'])
    t.is(textProblem(ok), undefined, ok);
  for (const [bad, says] of [
    ['a\u0000b', /control character \(U\+0000\)/],
    ['\u001b[2J', /control character \(U\+001B\)/],
    ['a\u009bb', /control character \(U\+009B\)/],
    ['abc\u202edef', /bidirectional control \(U\+202E\)/],
    ['x\u2066y', /bidirectional control/],
    ['x\ud83d', /lone surrogate/],
    ['x\ufffdy', /not UTF-8/],
  ] as const)
    t.regex(textProblem(bad) ?? '', says, JSON.stringify(bad));
});

test('printable() leaves text textProblem() accepts unchanged and replaces everything it refuses with U+FFFD', (t) => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      const shown = printable(text);
      if (textProblem(text) === undefined) return shown === text;
      return textProblem(shown.replaceAll('\ufffd', '')) === undefined;
    }),
  );
  t.deepEqual(printableDeep({ a: ['x\u001by'], b: new Uint8Array([27]), n: 1 }), {
    a: ['x\ufffdy'],
    b: new Uint8Array([27]),
    n: 1,
  });
});

test('quoted() shows at most a short, printable prefix of input', (t) => {
  t.is(quoted('PRD-1'), '"PRD-1"');
  t.is(quoted('x'.repeat(100)), `"${'x'.repeat(40)}"…`);
  t.is(quoted('a\u001bb'), '"a\ufffdb"');
});
