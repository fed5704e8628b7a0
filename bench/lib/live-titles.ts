/**
 * Titles of the live-update writes, each unique to its write: `<prefix>#<n>` for the measured
 * ones, `<prefix>warm-up #<n>` for the warm-up's. The receivers (bench/ws-clients.ts) read a write
 * back from an event's bytes as one number: n for a measured write, -1 - n for a warm-up one.
 */
export const MEASURED_MARK = '#';
export const WARM_UP_MARK = 'warm-up #';

/** The title of write `write` (a warm-up one below zero). */
export function liveTitle(prefix: string, write: number): string {
  return write >= 0 ? `${prefix}${MEASURED_MARK}${write}` : `${prefix}${WARM_UP_MARK}${-1 - write}`;
}
