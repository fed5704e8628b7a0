import { describe, expect, it } from 'vitest';
import { addDays, dateRangeProblems, daysBetween, toDateString } from './dates.ts';

describe('calendar dates', () => {
  it('reads DATE values back as the stored day', () => {
    expect(toDateString(new Date(2030, 0, 31))).toBe('2030-01-31');
    expect(toDateString('2030-01-31')).toBe('2030-01-31');
    expect(toDateString(null)).toBeNull();
  });

  it('adds and counts days across months, leap days and daylight-saving changes', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2030-03-01', -2)).toBe('2030-02-27');
    expect(daysBetween('2030-03-25', '2030-04-01')).toBe(7);
    expect(daysBetween('2030-01-10', '2030-01-01')).toBe(-9);
  });

  it('refuses an end before the start, naming end_date', () => {
    expect(dateRangeProblems('2030-01-02', '2030-01-01')).toEqual([
      { field: 'end_date', message: 'must not be before start_date' },
    ]);
    expect(dateRangeProblems('2030-01-01', '2030-01-01')).toEqual([]);
    expect(dateRangeProblems(null, '2030-01-01')).toEqual([]);
  });
});
