import { describe, expect, it } from 'vitest';
import { deriveProjectKey, firstFreeKey, PROJECT_KEY_PATTERN } from './project-key.ts';

describe('project keys', () => {
  it.each([
    ['Website Redesign', 'WR'],
    ['Website', 'WEB'],
    ['  mobile app v2 ', 'MAV'],
    ['Café Crème', 'CC'],
    ['2024 Roadmap', 'ROA'],
    ['Q3 marketing plan', 'QMP'],
    ['a b c d e f g h i j k l', 'ABCDEFGHIJ'],
    ['Go', 'GO'],
    ['X', 'PRJ'],
    ['项目', 'PRJ'],
  ])('derives %j → %s', (name, key) => {
    expect(deriveProjectKey(name)).toBe(key);
    expect(key).toMatch(PROJECT_KEY_PATTERN);
  });

  it('numbers a taken key, shortening it to stay within ten characters', () => {
    expect(firstFreeKey('WEB', new Set())).toBe('WEB');
    expect(firstFreeKey('WEB', new Set(['WEB', 'WEB2']))).toBe('WEB3');
    expect(firstFreeKey('ABCDEFGHIJ', new Set(['ABCDEFGHIJ']))).toBe('ABCDEFGHI2');
    const taken = new Set(['AB', ...Array.from({ length: 8 }, (_, i) => `AB${i + 2}`)]);
    expect(firstFreeKey('AB', taken)).toBe('AB10');
  });
});
