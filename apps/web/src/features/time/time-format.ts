/** Durations and days as the time screens show and read them. */

const HOURS_MINUTES = /^(\d{1,3}):([0-5]\d)$/;
const DECIMAL_HOURS = /^(\d{1,3}(?:[.,]\d{1,4})?)\s*h?$/i;
const UNITS = /^(?:(\d{1,3}(?:[.,]\d+)?)\s*h)?\s*(?:(\d{1,4})\s*m)?$/i;

/** The most one day's cell may hold. */
export const MAX_DAY_MINUTES = 24 * 60;

export type ParsedDuration = { minutes: number } | { error: string };

/**
 * Reads what a person types for a duration: `1:30`, `1.5`, `1,5`, `1.5h`, `90m`, `1h 30m`; empty
 * is zero. Whole minutes, at most a day.
 */
export function parseDuration(text: string): ParsedDuration {
  const value = text.trim();
  if (value === '') {
    return { minutes: 0 };
  }
  let minutes: number | null = null;
  const hm = HOURS_MINUTES.exec(value);
  const decimal = DECIMAL_HOURS.exec(value);
  const units = UNITS.exec(value);
  if (hm) {
    minutes = Number(hm[1]) * 60 + Number(hm[2]);
  } else if (decimal?.[1]) {
    minutes = Math.round(Number(decimal[1].replace(',', '.')) * 60);
  } else if (units && (units[1] || units[2])) {
    minutes = Math.round(Number((units[1] ?? '0').replace(',', '.')) * 60) + Number(units[2] ?? 0);
  }
  if (minutes === null) {
    return { error: 'Type a duration like 1:30 or 1.5' };
  }
  if (minutes > MAX_DAY_MINUTES) {
    return { error: 'A day holds at most 24 hours' };
  }
  return { minutes };
}

/** `1:30` for 90 minutes; empty for zero when `blankZero`. */
export function formatMinutes(minutes: number, blankZero = false): string {
  if (minutes === 0 && blankZero) {
    return '';
  }
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** `3.5 h` for hours (up to two decimals). */
export function formatHours(hours: number): string {
  return `${Number(hours.toFixed(2))} h`;
}

/** A running clock: `0:04:09`, `12:00:00`. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant (ms) when the wall clock in `timeZone` shows `day` at `hour:minute`. */
export function zonedInstant(day: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute);
  const first = wall - zoneOffset(wall, timeZone);
  // Once more at the guess, so a daylight-saving change between the two is accounted for.
  return wall - zoneOffset(first, timeZone);
}
