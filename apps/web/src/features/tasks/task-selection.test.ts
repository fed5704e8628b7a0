import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, selectRange, toggleAll, toggleRow, visibleSelection } from './task-selection.ts';

const ROWS = ['a', 'b', 'c', 'd', 'e'];

describe('list selection', () => {
  it('toggles single rows and remembers the last one as the anchor', () => {
    const one = toggleRow(EMPTY_SELECTION, 'b');
    expect([...one.ids]).toEqual(['b']);
    expect(one.anchor).toBe('b');
    const none = toggleRow(one, 'b');
    expect(none.ids.size).toBe(0);
  });

  it('shift-click selects the range from the anchor in either direction, keeping earlier rows', () => {
    const start = toggleRow(toggleRow(EMPTY_SELECTION, 'a'), 'd');
    const down = selectRange(start, ROWS, 'e');
    expect(visibleSelection(down, ROWS)).toEqual(['a', 'd', 'e']);
    const up = selectRange(toggleRow(EMPTY_SELECTION, 'd'), ROWS, 'b');
    expect(visibleSelection(up, ROWS)).toEqual(['b', 'c', 'd']);
  });

  it('shift-click without an anchor on screen selects just that row', () => {
    const stale = { ids: new Set(['gone']), anchor: 'gone' };
    expect(visibleSelection(selectRange(stale, ROWS, 'c'), ROWS)).toEqual(['c']);
  });

  it('select all picks every visible row, and clears when all were selected', () => {
    const all = toggleAll(toggleRow(EMPTY_SELECTION, 'c'), ROWS);
    expect(visibleSelection(all, ROWS)).toEqual(ROWS);
    expect(toggleAll(all, ROWS).ids.size).toBe(0);
  });

  it('counts only rows still shown after the list changed', () => {
    const selection = toggleAll(EMPTY_SELECTION, ROWS);
    expect(visibleSelection(selection, ['e', 'x', 'a'])).toEqual(['e', 'a']);
  });
});
