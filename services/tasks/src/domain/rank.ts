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

/** Digits a rank past the last or the first one counts in: 36^6 (2 billion) steps before it widens. */
const COUNTER_WIDTH = 6;

/**
 * The first digits of `rank` a counter steps: at least COUNTER_WIDTH, more while they are all
 * `edge` (the digit the counter cannot step past), padded with "0".
 */
function counterDigits(rank: string, edge: 'z' | '0'): number[] {
  const firstOther = rank.search(edge === 'z' ? /[^z]/ : /[^0]/);
  const width = Math.max(COUNTER_WIDTH, (firstOther < 0 ? rank.length : firstOther) + 1);
  return Array.from({ length: width }, (_, i) => digit(rank, i, 0));
}

const spell = (digits: number[]) => digits.map((value) => DIGITS[value]).join('');

/**
 * The first rank above `last` that a counter of its first digits reaches (counterDigits): those
 * digits plus one, its trailing zeros dropped. Above `last`, as it is greater at the digit it
 * raised and equal before it; as long as its counter, whatever `last`'s length. Taking the
 * midpoint towards the open end instead grew the rank by a digit every five appends: after about
 * 300,000 appends a board's last rank had 4,335 characters, and every index holding ranks compared
 * them decompressed (bench/RESULTS.md).
 */
function counterAfter(last: string): string {
  const digits = counterDigits(last, 'z');
  let i = digits.length - 1;
  while (digits[i] === BASE - 1) {
    i -= 1;
  }
  return spell([...digits.slice(0, i), digits[i]! + 1]);
}

/**
 * The first rank below `first` that a counter of its first digits reaches counting down
 * (counterDigits): those digits minus one, its trailing zeros dropped, or, where they count down to
 * nothing, the rank just below them one digit deeper. Below `first` as counterAfter is above
 * `last`. Taking the midpoint towards the open start grew the rank by a digit every five moves to
 * the top of the board (201 characters after 1,000).
 */
function counterBefore(first: string): string {
  if (!/[^0]/.test(first)) {
    throw new Error(`rank "${first}" has no digit above "0"`);
  }
  const digits = counterDigits(first, '0');
  let i = digits.length - 1;
  while (digits[i] === 0) {
    digits[i] = BASE - 1;
    i -= 1;
  }
  digits[i] = digits[i]! - 1;
  const rank = spell(digits).replace(/0+$/, '');
  return rank === '' ? `${'0'.repeat(digits.length)}i` : rank;
}

/**
 * A rank strictly between `before` and `after` (null: open end), compared byte-wise. Ranks never
 * end in "0", so there is always room below any of them; neighbours are never renumbered. Past
 * the last rank or the first one it counts on (counterAfter, counterBefore), so adding tasks at
 * the end of the board and moving them to either end keeps ranks short.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (after === null && before !== null) {
    return counterAfter(before);
  }
  if (before === null && after !== null) {
    return counterBefore(after);
  }
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
