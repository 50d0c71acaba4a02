/** Converts between "35.00 EUR" and minor units, using each currency's own number of decimals. */
export function currencyDigits(currencyCode: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function toMinorUnits(amount: string, currencyCode: string): number {
  const digits = currencyDigits(currencyCode);
  if (!/^\d+(\.\d+)?$/.test(amount)) throw new Error(`--price ${amount}: expected a number such as 35.00`);
  const [whole, fraction = ''] = amount.split('.');
  if (fraction.length > digits) throw new Error(`--price ${amount}: ${currencyCode} has ${digits} decimal places`);
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
}

export function formatMoney(amountMinor: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  return new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).format(amountMinor / 10 ** digits);
}
