import { describe, expect, it } from 'vitest';
import {
  floorToMinute,
  knownTimeZone,
  localDate,
  localDateTime,
  minutesBetween,
  weekStartOf,
} from './calendar.ts';

describe('calendar', () => {
  it('puts one instant on different days far apart (UTC+13 and UTC−10)', () => {
    const instant = new Date('2030-01-06T11:30:00Z');
    expect(localDate(instant, 'Pacific/Tongatapu')).toBe('2030-01-07');
    expect(localDate(instant, 'Pacific/Honolulu')).toBe('2030-01-06');
    expect(localDateTime(instant, 'Pacific/Tongatapu')).toBe('2030-01-07 00:30');
  });

  it('starts weeks on Monday or Sunday', () => {
    expect(weekStartOf('2030-01-06', 'monday')).toBe('2029-12-31'); // a Sunday
    expect(weekStartOf('2030-01-06', 'sunday')).toBe('2030-01-06');
    expect(weekStartOf('2030-01-07', 'monday')).toBe('2030-01-07');
    expect(weekStartOf('2030-01-12', 'sunday')).toBe('2030-01-06');
  });

  it('counts real minutes across a daylight-saving change', () => {
    // New York springs forward on 2030-03-10 at 02:00: 01:30 to 03:30 local is one hour.
    const start = new Date('2030-03-10T06:30:00Z');
    const end = new Date('2030-03-10T07:30:00Z');
    expect(localDateTime(start, 'America/New_York')).toBe('2030-03-10 01:30');
    expect(localDateTime(end, 'America/New_York')).toBe('2030-03-10 03:30');
    expect(minutesBetween(start, end)).toBe(60);
  });

  it('drops seconds and falls back to UTC for unknown zones', () => {
    expect(floorToMinute(new Date('2030-01-01T10:00:59.900Z')).toISOString()).toBe(
      '2030-01-01T10:00:00.000Z',
    );
    expect(knownTimeZone('Mars/Olympus')).toBe('UTC');
    expect(knownTimeZone(null)).toBe('UTC');
    expect(knownTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });
});
