import { describe, expect, it } from 'vitest';
import { rankAfter, rankBetween } from './rank.ts';

describe('rankBetween', () => {
  it('starts in the middle and appends after the last rank', () => {
    expect(rankBetween(null, null)).toBe('i');
    expect(rankBetween('i', null) > 'i').toBe(true);
    expect(rankBetween(null, 'i') < 'i').toBe(true);
  });

  it('finds room between adjacent ranks by growing longer', () => {
    const mid = rankBetween('a', 'b');
    expect(mid > 'a' && mid < 'b').toBe(true);
    const low = rankBetween(null, '01');
    expect(low < '01').toBe(true);
  });

  it('always lands strictly between its neighbours, however often a gap is split', () => {
    let seed = 7;
    const coin = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % 2 === 0;
    };
    for (let run = 0; run < 50; run += 1) {
      let low: string | null = null;
      let high: string | null = null;
      for (let step = 0; step < 60; step += 1) {
        const mid = rankBetween(low, high);
        expect(low === null || mid > low).toBe(true);
        expect(high === null || mid < high).toBe(true);
        expect(mid.endsWith('0')).toBe(false);
        if (coin()) {
          high = mid;
        } else {
          low = mid;
        }
      }
    }
  });
});

describe('rankAfter', () => {
  it('appends after the last rank, distinct for every number even from the same last rank', () => {
    const ranks = [1, 2, 35, 36, 54, 1295, 1296].map((number) => rankAfter('i', number));
    expect(new Set(ranks).size).toBe(ranks.length);
    ranks.forEach((rank) => {
      expect(rank > 'i').toBe(true);
      expect(rank.endsWith('0')).toBe(false);
    });
    expect(rankAfter(null, 1) > rankAfter(null, 0)).toBe(true);
    expect(rankAfter(rankAfter('i', 7), 8) > rankAfter('i', 7)).toBe(true);
  });

  it('stays short however many tasks are appended, each above the one before', () => {
    let last: string | null = null;
    let longest = 0;
    for (let number = 1; number <= 100_000; number += 1) {
      const rank = rankAfter(last, number);
      expect(last === null || rank > last).toBe(true);
      longest = Math.max(longest, rank.length);
      last = rank;
    }
    // Six counting digits, the number's four base-36 digits and the closing "i".
    expect(longest).toBeLessThanOrEqual(11);
  });

  it('widens its counter past leading "z"s, and a long rank stops growing', () => {
    expect(rankAfter('zzzzzzzzi', 5)).toBe('zzzzzzzzj5i');
    expect(rankAfter('zzzzzzz', 2)).toBe('zzzzzzz12i');
    expect(rankAfter('zzz', 1)).toBe('zzz0011i');
    const legacy = `${'z'.repeat(4335)}3ki`;
    const next = rankAfter(legacy, 1_300_000);
    const after = rankAfter(next, 1_300_001);
    expect(next > legacy && after > next).toBe(true);
    expect(after.length).toBe(next.length);
  });
});

describe('moving to the top of the board', () => {
  it('keeps ranks short when tasks are moved above the first one again and again', () => {
    let first = rankAfter(null, 1);
    for (let move = 0; move < 10_000; move += 1) {
      const rank = rankBetween(null, first);
      expect(rank < first && rank.length > 0 && !rank.endsWith('0')).toBe(true);
      first = rank;
    }
    expect(first.length).toBeLessThanOrEqual(6);
  });

  it('goes a digit deeper where its counter reaches zero, and a long rank stops growing', () => {
    expect(rankBetween(null, '000001')).toBe('000000i');
    expect(rankBetween(null, '000000i')).toBe('000000h');
    const legacy = `${'0'.repeat(200)}i`;
    const above = rankBetween(null, legacy);
    const again = rankBetween(null, above);
    expect(above < legacy && again < above).toBe(true);
    expect(again.length).toBe(above.length);
  });
});

describe('moving to the end of the board', () => {
  it('keeps ranks short when tasks are moved below the last one again and again', () => {
    let last = 'i';
    for (let move = 0; move < 10_000; move += 1) {
      const rank = rankBetween(last, null);
      expect(rank > last && !rank.endsWith('0')).toBe(true);
      last = rank;
    }
    expect(last.length).toBeLessThanOrEqual(6);
  });
});
