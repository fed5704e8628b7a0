const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, i: number, fallback: number): number {
  const char = key[i];
  if (char === undefined) {
    return fallback;
  }
  const value = DIGITS.indexOf(char);
  if (value < 0) {
    throw new Error(`rank "${key}" has a character outside 0-9a-z`);
  }
  return value;
}

/**
 * A rank strictly between `before` and `after` (null: open end), compared byte-wise. Ranks never
 * end in "0", so there is always room below any of them; neighbours are never renumbered.
 */
export function rankBetween(before: string | null, after: string | null): string {
  const low = before ?? '';
  let high = after;
  if (high !== null && low >= high) {
    throw new Error(`rank "${low}" is not below "${high}"`);
  }
  let result = '';
  for (let i = 0; ; i += 1) {
    const lowDigit = digit(low, i, 0);
    const highDigit = high === null ? BASE : digit(high, i, 0);
    if (highDigit - lowDigit > 1) {
      return result + DIGITS[Math.floor((lowDigit + highDigit) / 2)];
    }
    result += DIGITS[lowDigit];
    if (lowDigit < highDigit) {
      // The prefix is now below `after`, so it no longer bounds the rest.
      high = null;
    }
  }
}

/**
 * A rank after `last` that no call with another `unique` returns (a task's number): tasks can be
 * appended without a lock, as two creations that read the same last rank still get distinct ranks,
 * ordered by their numbers' base-36 digits. Ends in "i", never in "0".
 */
export function rankAfter(last: string | null, unique: number): string {
  return `${rankBetween(last, null)}${unique.toString(36)}i`;
}
