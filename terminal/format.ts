/** How money, times and columns read on kiosk and gate screens: the currency's own decimals, local time, no seconds, fixed widths. */
import type { Money } from '../gen/cardgate/v1/money.js';

export function formatMoney(money: Money | undefined, quantity = 1): string {
  if (!money) return '';
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: money.currencyCode });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format((money.amountMinor * quantity) / 10 ** digits);
}

/** "Tue 1 Dec 20:00" in the terminal's time zone. */
export function formatDateTime(date: Date | undefined, timeZone?: string): string {
  if (!date) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** "19:02" in the terminal's time zone. */
export function formatTime(date: Date | undefined, timeZone?: string): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(date);
}

/** One column of a fixed-width row: `text` cut to `width` columns with an ellipsis, padded to exactly `width`. */
export function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** "1 seat", "2 seats": a count with its noun, plural by English's plain -s. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
