/**
 * What text may hold, once for everything that writes it and everything that
 * shows it. A name, venue or note is written to cards and shown on kiosks,
 * gates, paper tickets and operators' terminals, so the center refuses text
 * that could steer a terminal or hide what it says; and since a forged card
 * can hold anything, what is shown from a card goes through printable() anyway.
 */

/**
 * C0 and C1 controls (escape sequences start with one), DEL, the bidirectional
 * embeddings, overrides and isolates, and U+FFFD, which is what decoding leaves
 * where a request held bytes that are not UTF-8.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` may not be stored or shown as it is, in words for an error message; undefined when it may. */
export function textProblem(text: string): string | undefined {
  const unsafe = UNSAFE.exec(text);
  if (unsafe) {
    const code = unsafe[0].codePointAt(0)!;
    if (code === 0xfffd) return 'holds bytes that are not UTF-8 (or U+FFFD)';
    const name = code >= 0x202a ? 'a bidirectional control' : 'a control character';
    return `holds ${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  if (LONE_SURROGATE.test(text)) return 'holds a lone surrogate (not valid Unicode)';
  return undefined;
}

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/** `text` safe to put on a screen or paper: anything textProblem() refuses becomes U+FFFD. */
export function printable(text: string): string {
  return text.replace(LONE_SURROGATE_ALL, '\ufffd').replace(UNSAFE_ALL, (c) => (c === '\ufffd' ? c : '\ufffd'));
}

/** At most `max` characters of untrusted input, quoted, for an error message or a log line. */
export function quoted(input: string, max = 40): string {
  const shown = [...input].slice(0, max).join('');
  return JSON.stringify(printable(shown)) + (shown.length < input.length ? '…' : '');
}

/**
 * `value` with every string in it made printable(), however deep; bytes and dates are kept. What a
 * card holds passes through this as it is read, so no screen, paper ticket or log shows a forged
 * card's escape sequences. A ticket the center issued is unchanged by it (its text passed
 * textProblem() at sale), so its signature still verifies; only a forged one changes, and it would
 * have been refused anyway.
 */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(printableDeep) as T;
  if (typeof value !== 'object' || value === null || value instanceof Date || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, printableDeep(field)])) as T;
}
