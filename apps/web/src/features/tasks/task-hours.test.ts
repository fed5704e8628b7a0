import { describe, expect, it } from 'vitest';
import { formatTaskHours, hoursAgainstEstimate } from './task-hours.ts';

describe('formatTaskHours', () => {
  it.each([
    [4, '4'],
    [1.5, '1.5'],
    [9.766666, '9.77'],
    [0.1 + 0.2, '0.3'],
  ])('shows %d as %s', (hours, text) => {
    expect(formatTaskHours(hours)).toBe(text);
  });
});

describe('hoursAgainstEstimate', () => {
  it('reads logged hours against the estimate', () => {
    expect(hoursAgainstEstimate({ actual_hours: 1.5, estimated_hours: 4 })).toEqual({
      actual: 1.5,
      estimate: 4,
      isOver: false,
      label: '1.5 hours logged of 4 estimated',
    });
  });

  it('flags time past the estimate', () => {
    expect(hoursAgainstEstimate({ actual_hours: 9.75, estimated_hours: 8 })).toMatchObject({
      isOver: true,
      label: '9.75 hours logged of 8 estimated (over the estimate)',
    });
  });

  it('counts nothing logged as zero and is never over without an estimate', () => {
    expect(hoursAgainstEstimate({ actual_hours: null, estimated_hours: 2 })).toMatchObject({
      actual: 0,
      label: '0 hours logged of 2 estimated',
    });
    expect(hoursAgainstEstimate({ actual_hours: 1, estimated_hours: null })).toMatchObject({
      isOver: false,
      label: '1 hour logged, no estimate',
    });
    expect(hoursAgainstEstimate({ actual_hours: 0, estimated_hours: null }).label).toBe(
      'No estimate, nothing logged',
    );
  });
});
