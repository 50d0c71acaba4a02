/**
 * Card-number arithmetic for the simulator: normalising, the Luhn check,
 * the brand and the last four digits. Pure functions; nothing here keeps or
 * prints a number, so callers decide what leaves this module (only brand and
 * last four ever do).
 */

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'discover' | 'unknown';

/** The number without the spaces and dashes people type between digit groups. */
export function normalizeCardNumber(number: string): string {
  return number.replace(/[\s-]/g, '');
}

/** True for 12–19 digits that pass the Luhn checksum. */
export function isValidCardNumber(digits: string): boolean {
  return /^\d{12,19}$/.test(digits) && luhnChecksum(digits) % 10 === 0;
}

function luhnChecksum(digits: string): number {
  let sum = 0;
  // Double every second digit counting from the right, i.e. from the check digit.
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** The brand by issuer prefix (IIN ranges); "unknown" for anything else. */
export function cardBrand(digits: string): CardBrand {
  if (!/^\d+$/.test(digits)) return 'unknown';
  const prefix = (length: number) => Number(digits.slice(0, length));
  if (digits.startsWith('4')) return 'visa';
  if (inRange(prefix(2), 51, 55) || inRange(prefix(4), 2221, 2720)) return 'mastercard';
  if (prefix(2) === 34 || prefix(2) === 37) return 'amex';
  if (inRange(prefix(4), 3528, 3589)) return 'jcb';
  if (prefix(4) === 6011 || prefix(2) === 65) return 'discover';
  return 'unknown';
}

function inRange(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}

/** The last four digits, or "" when the input does not end in four digits (nothing else to show). */
export function lastFour(digits: string): string {
  const tail = digits.slice(-4);
  return /^\d{4}$/.test(tail) ? tail : '';
}
