import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff.ts';

const options = { baseMs: 500, maxMs: 30_000 };

describe('reconnectDelayMs', () => {
  it('grows exponentially up to the ceiling', () => {
    const highest = (attempt: number) => reconnectDelayMs(attempt, options, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(highest)).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    expect(highest(1_000)).toBe(30_000);
  });

  it('jitters between a quarter of the ceiling and the ceiling', () => {
    expect(reconnectDelayMs(3, options, () => 0)).toBe(1000);
    expect(reconnectDelayMs(3, options, () => 0.5)).toBe(2500);
    expect(reconnectDelayMs(3, options, () => 0.999_999)).toBe(4000);
  });

  it('spreads clients that failed at the same moment', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelayMs(4, options, random)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });

  it('treats odd attempt numbers as the first retry', () => {
    expect(reconnectDelayMs(-3, options, () => 1)).toBe(500);
    expect(reconnectDelayMs(0.7, options, () => 1)).toBe(500);
  });
});
