/** Which rows of a list are selected, and the row a shift-click extends from. */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Click or `x`: flips one row and makes it the anchor of the next range. */
export function toggleRow(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) {
    ids.delete(id);
  } else {
    ids.add(id);
  }
  return { ids, anchor: id };
}

/**
 * Shift-click: selects every row from the anchor to `id` in the order shown (either direction),
 * keeping what was selected before. Without an anchor still on screen it selects just `id`.
 */
export function selectRange(selection: Selection, order: readonly string[], id: string): Selection {
  const to = order.indexOf(id);
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  if (to < 0) {
    return selection;
  }
  if (from < 0) {
    return toggleRow(selection, id);
  }
  const ids = new Set(selection.ids);
  for (const rowId of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    ids.add(rowId);
  }
  return { ids, anchor: id };
}

/** The header checkbox: selects every row shown, or clears them when all already are. */
export function toggleAll(selection: Selection, order: readonly string[]): Selection {
  const allSelected = order.length > 0 && order.every((id) => selection.ids.has(id));
  return allSelected ? EMPTY_SELECTION : { ids: new Set(order), anchor: selection.anchor };
}

/** The selected rows still on screen, in screen order (a filter change hides the others). */
export function visibleSelection(selection: Selection, order: readonly string[]): string[] {
  return order.filter((id) => selection.ids.has(id));
}
