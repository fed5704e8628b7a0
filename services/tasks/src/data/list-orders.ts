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
  switch (sort ?? 'rank') {
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
      return {
        expr: sql`t.created_at`,
        cursorValue: sql`to_json(t.created_at)#>>'{}'`,
        cast: 'timestamptz',
        descending: true,
      };
    case 'updated_at':
      return {
        expr: sql`t.updated_at`,
        cursorValue: sql`to_json(t.updated_at)#>>'{}'`,
        cast: 'timestamptz',
        descending: true,
      };
  }
}
