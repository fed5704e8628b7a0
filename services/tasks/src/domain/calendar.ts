/** Date-only arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday). */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekendDay(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** The UTC calendar date of an instant. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Saturday and Sunday are not working days. */
export function isWeekend(date: string): boolean {
  return isWeekendDay(dayNumber(date));
}

/** `date` itself when it is a working day, else the next working day. */
export function nextWorkingDay(date: string): string {
  let day = dayNumber(date);
  while (isWeekendDay(day)) {
    day += 1;
  }
  return dateOfDay(day);
}

/** The working day `offset` working days after `start` (a working day); offset 0 is `start`. */
export function addWorkingDays(start: string, offset: number): string {
  // Whole weeks first, then the remainder day by day: constant time for long plans.
  let day = dayNumber(start) + Math.floor(offset / 5) * 7;
  for (let left = offset % 5; left > 0;) {
    day += 1;
    if (!isWeekendDay(day)) {
      left -= 1;
    }
  }
  return dateOfDay(day);
}
