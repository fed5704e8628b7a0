import type { FieldError } from '@pm/kernel';

const DAY_MS = 86_400_000;

/**
 * `YYYY-MM-DD` of a DATE column. node-postgres parses DATE into a Date at local midnight, so the
 * local calendar fields give the stored day back whatever the process time zone.
 */
export function toDateString(value: Date | string | null): string | null {
  if (value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return value.slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** Today's date in UTC, the calendar the API speaks. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** An end date before the start date is refused, naming end_date. */
export function dateRangeProblems(start: string | null, end: string | null): FieldError[] {
  return start !== null && end !== null && end < start
    ? [{ field: 'end_date', message: 'must not be before start_date' }]
    : [];
}
