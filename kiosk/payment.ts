/**
 * The payment form's rules, checked locally for early feedback before
 * anything is sent (the charge terminal decides for real): Luhn, expiry
 * MM/YY not in the past, a 3-4 digit CVC. Also how the number is shown.
 */

export interface PaymentInput {
  /** Digits only. */
  readonly number: string;
  /** Digits only, MMYY as typed. */
  readonly expiry: string;
  readonly cvc: string;
}

export const EMPTY_PAYMENT: PaymentInput = { number: '', expiry: '', cvc: '' };

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** "4242 4242 4242 4242" while typing. */
export function groupDigits(digits: string): string {
  return (digits.match(/.{1,4}/gu) ?? []).join(' ');
}

/** "•••• •••• •••• 4242": everything but the last four hidden. */
export function maskCardNumber(digits: string): string {
  const shown = Math.min(4, digits.length);
  return groupDigits('•'.repeat(digits.length - shown) + digits.slice(digits.length - shown));
}

/** "12/28" from "1228" as it is typed. */
export function formatExpiry(digits: string): string {
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

export function parseExpiry(digits: string): { month: number; year: number } | undefined {
  if (!/^\d{4}$/.test(digits)) return undefined;
  const month = Number(digits.slice(0, 2));
  if (month < 1 || month > 12) return undefined;
  return { month, year: 2000 + Number(digits.slice(2)) };
}

export type PaymentErrors = Partial<Record<keyof PaymentInput, string>>;

/** What is wrong with each field, in words; empty when the form can be sent. */
export function paymentErrors(input: PaymentInput, now = new Date()): PaymentErrors {
  const errors: { -readonly [K in keyof PaymentInput]?: string } = {};
  if (input.number.length < 12) errors.number = 'Enter the full card number (12 to 19 digits).';
  else if (!luhnValid(input.number)) errors.number = 'This card number is not valid: check the digits.';
  const expiry = parseExpiry(input.expiry);
  if (!expiry) errors.expiry = 'Enter the expiry date as MM/YY, for example 12/28.';
  else if (expiry.year < now.getFullYear() || (expiry.year === now.getFullYear() && expiry.month < now.getMonth() + 1))
    errors.expiry = 'This card has expired.';
  if (!/^\d{3,4}$/.test(input.cvc)) errors.cvc = 'Enter the 3 or 4 digit security code from the back of the card.';
  return errors;
}
