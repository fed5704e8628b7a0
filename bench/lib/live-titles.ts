/**
 * Titles of the live-update writes, each unique to its write: `<prefix>#<n>` for the measured
 * ones, `<prefix>warm-up #<n>` for the warm-up's. The receivers (bench/ws-clients.ts) read a write
 * back from an event's bytes as one number: n for a measured write, -1 - n for a warm-up one.
 */
const MEASURED_MARK = '#';
const WARM_UP_MARK = 'warm-up #';
const MEASURED = MEASURED_MARK.charCodeAt(0);
const WARM_UP = Buffer.from(WARM_UP_MARK);
const ZERO = 0x30;

/** The title of write `write` (a warm-up one below zero). */
export function liveTitle(prefix: string, write: number): string {
  return write >= 0 ? `${prefix}${MEASURED_MARK}${write}` : `${prefix}${WARM_UP_MARK}${-1 - write}`;
}

/** The decimal number at `from` in `raw`, or undefined if no digit is there. */
function numberAt(raw: Buffer, from: number): number | undefined {
  let value = 0;
  let at = from;
  for (; at < raw.length && raw[at]! >= ZERO && raw[at]! <= ZERO + 9; at += 1) {
    value = value * 10 + raw[at]! - ZERO;
  }
  return at > from ? value : undefined;
}

/** The write whose title continues at `at` in `raw` after the prefix (as {@link liveTitle} numbers it), or undefined. */
export function liveWriteAt(raw: Buffer, at: number): number | undefined {
  if (raw[at] === MEASURED) {
    return numberAt(raw, at + 1);
  }
  const end = at + WARM_UP.length;
  const warmUp = end <= raw.length && raw.compare(WARM_UP, 0, WARM_UP.length, at, end) === 0;
  const n = warmUp ? numberAt(raw, at + WARM_UP.length) : undefined;
  return n === undefined ? undefined : -1 - n;
}
