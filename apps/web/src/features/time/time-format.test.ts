import { describe, expect, it } from 'vitest';
import { addDays, formatClock, formatMinutes, parseDuration, todayIn, zonedInstant } from './time-format.ts';

describe('parseDuration', () => {
  it.each([
    ['1:30', 90],
    ['1.5', 90],
    ['1,25', 75],
    ['2h', 120],
    ['90m', 90],
    ['1h 30m', 90],
    ['0:05', 5],
    ['', 0],
    ['  ', 0],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ minutes });
  });

  it.each(['abc', '1:75', '-1', '1:30:00'])('refuses %s', (text) => {
    expect(parseDuration(text)).toHaveProperty('error');
  });

  it('refuses more than a day', () => {
    expect(parseDuration('24:01')).toEqual({ error: 'A day holds at most 24 hours' });
    expect(parseDuration('24')).toEqual({ minutes: 1440 });
  });
});

describe('formats', () => {
  it('shows minutes as h:mm and a clock as h:mm:ss', () => {
    expect(formatMinutes(90)).toBe('1:30');
    expect(formatMinutes(0, true)).toBe('');
    expect(formatMinutes(605)).toBe('10:05');
    expect(formatClock(249)).toBe('0:04:09');
    expect(formatClock(43_200)).toBe('12:00:00');
  });
});

describe('days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the instant of a wall-clock time in far-apart zones and across DST', () => {
    expect(new Date(zonedInstant('2026-06-01', 9, 0, 'Pacific/Tongatapu')).toISOString()).toBe(
      '2026-05-31T20:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-06-01', 9, 0, 'Pacific/Honolulu')).toISOString()).toBe(
      '2026-06-01T19:00:00.000Z',
    );
    // Berlin: winter UTC+1, summer UTC+2 (the change is on 2026-03-29).
    expect(new Date(zonedInstant('2026-03-28', 9, 0, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-03-30', 9, 0, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it("gives today's date in a zone", () => {
    const instant = new Date('2026-06-01T11:30:00Z');
    expect(todayIn('Pacific/Tongatapu', instant)).toBe('2026-06-02');
    expect(todayIn('Pacific/Honolulu', instant)).toBe('2026-06-01');
  });
});
