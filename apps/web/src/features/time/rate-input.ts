/** Reading and showing hourly rates: an amount with at most two decimals and an ISO 4217 code. */

/** The API's largest rate. */
export const MAX_RATE = 99_999_999.99;

const AMOUNT = /^\d{1,8}(?:[.,]\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

export type Parsed<T> = { value: T } | { error: string };

/** What a person types for a rate: `85`, `85.5`, `85,50`; not negative, at most two decimals. */
export function parseRate(text: string): Parsed<number> {
  const value = text.trim();
  if (value === '') {
    return { error: 'Enter the hourly rate' };
  }
  if (/^-\s*\d/.test(value)) {
    return { error: "A rate can't be negative" };
  }
  if (!AMOUNT.test(value)) {
    return { error: 'Type an amount like 85 or 85.50' };
  }
  const rate = Number(value.replace(',', '.'));
  return rate > MAX_RATE ? { error: 'A rate is at most 99,999,999.99' } : { value: rate };
}

/** A three-letter currency code, whatever its case: `usd` reads as `USD`. */
export function parseCurrency(text: string): Parsed<string> {
  const value = text.trim().toUpperCase();
  return CURRENCY.test(value) ? { value } : { error: 'Enter a three-letter currency code, like USD or EUR' };
}

/** "$85.00 / h" in the reader's locale; a code `Intl` refuses shows as "85.00 XYZ / h". */
export function formatRate(rate: number, currency: string, locale?: string): string {
  try {
    const amount = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(rate);
    return `${amount} / h`;
  } catch {
    return `${rate.toFixed(2)} ${currency} / h`;
  }
}

/** The currency codes the browser knows, for suggestions under the currency field. */
export function knownCurrencies(): string[] {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return [];
  }
}
