import { useState } from 'react';
import {
  EMPTY_SELECTION,
  selectRange,
  toggleAll,
  toggleRow,
  visibleSelection,
  type Selection,
} from '../task-selection.ts';

/**
 * Selection (checkboxes, shift-click ranges, select all) and the keyboard cursor (`j`/`k`) of a
 * list whose rows are `order`, by id. Rows that left the list drop out of both.
 */
export function useListSelection(order: readonly string[]) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const cursorIndex = cursorId === null ? -1 : order.indexOf(cursorId);
  const selected = visibleSelection(selection, order);

  return {
    /** Selected rows still shown, in list order. */
    selected,
    isSelected: (id: string) => selection.ids.has(id),
    isAllSelected: order.length > 0 && selected.length === order.length,
    /** The row `j`/`k` point at (none until they are used, or after it left the list). */
    cursorId: cursorIndex >= 0 ? cursorId : null,
    /** A checkbox click: shift extends the range from the last clicked row. */
    click: (id: string, shiftKey: boolean) => {
      setSelection((current) => (shiftKey ? selectRange(current, order, id) : toggleRow(current, id)));
      setCursorId(id);
    },
    toggleCursor: () => {
      if (cursorIndex >= 0 && cursorId !== null) {
        setSelection((current) => toggleRow(current, cursorId));
      }
    },
    toggleAll: () => setSelection((current) => toggleAll(current, order)),
    clear: () => setSelection(EMPTY_SELECTION),
    /** `j` (+1) and `k` (-1): the first press lands on the first row. */
    moveCursor: (delta: 1 | -1) => {
      if (order.length === 0) {
        return;
      }
      const next = cursorIndex < 0 ? 0 : Math.min(order.length - 1, Math.max(0, cursorIndex + delta));
      setCursorId(order[next] ?? null);
    },
    setCursor: setCursorId,
  };
}
