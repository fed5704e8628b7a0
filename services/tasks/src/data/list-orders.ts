import { sql, type RawBuilder } from 'kysely';
import type { TaskSort } from '../contract/http.ts';

/** How a list is ordered, by its `sort`. */
export interface Order {
  /** What rows are ordered by (then by `id`, t.id unless given). */
  expr: RawBuilder<unknown>;
  id?: RawBuilder<unknown>;
  /** The same value as the cursor carries it. */
  cursorValue: RawBuilder<unknown>;
  cast: string;
  descending: boolean;
}

/** Urgent first, none last. Indexed as written (migrations/0004_sort_order_indexes.sql). */
export const PRIORITY_ORDER = sql`array_position(array['urgent','high','medium','low','none']::text[], t.priority::text)`;

export function orderOf(sort: TaskSort | undefined): Order {
  const by = sort ?? 'rank';
  switch (by) {
    case 'rank':
      return { expr: sql`t.rank`, cursorValue: sql`t.rank`, cast: 'text', descending: false };
    case 'due_date':
      // Indexed as written (migrations/0004_sort_order_indexes.sql).
      return {
        expr: sql`coalesce(t.due_date, 'infinity'::date)`,
        cursorValue: sql`coalesce(to_char(t.due_date, 'YYYY-MM-DD'), 'infinity')`,
        cast: 'date',
        descending: false,
      };
    case 'priority':
      return { expr: PRIORITY_ORDER, cursorValue: PRIORITY_ORDER, cast: 'int', descending: false };
    case 'created_at':
    case 'updated_at':
      return newestFirst(by);
  }
}

/** A timestamp of the task, newest first; the cursor carries it as JSON writes it. */
function newestFirst(column: 'created_at' | 'updated_at'): Order {
  const expr = sql.raw(`t.${column}`);
  return { expr, cursorValue: sql`to_json(${expr})#>>'{}'`, cast: 'timestamptz', descending: true };
}
