const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "2 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (Number.isNaN(seconds)) {
    return 'unknown';
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'unknown' : dateFormat.format(time);
}

export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'unknown' : dateTimeFormat.format(time);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A calendar day ('2025-03-14') as a local date: parsing it as an instant would shift it a day west of UTC. */
function localDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** "Mar 14, 2025" for a calendar day. */
export function formatDay(day: string): string {
  const date = localDay(day);
  return date ? dayFormat.format(date) : 'unknown';
}

/** "Mar 14" for a calendar day in the current year, else "Mar 14, 2025". */
export function formatShortDay(day: string, now: Date = new Date()): string {
  const date = localDay(day);
  if (!date) {
    return 'unknown';
  }
  return date.getFullYear() === now.getFullYear() ? shortDayFormat.format(date) : dayFormat.format(date);
}

/** Today as a calendar day in the user's time zone ('2025-03-14'). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
