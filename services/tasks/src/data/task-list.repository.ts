import { PLAN_EVERY_TIME, ValidationError } from '@pm/kernel';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Task, TaskListQuery, TaskSort } from '../contract/http.ts';
import { asTask, isBlocked, taskQuery } from './task.repository.ts';
import { table, type TasksDatabase } from './tasks.tables.ts';

export interface TaskListFilter extends Omit<TaskListQuery, 'limit' | 'cursor' | 'sort'> {
  /** The caller: resolves `assignee=me` and limits the list to projects they see. */
  userId: string;
}

type SortKey = string | number;
interface Order {
  /** What rows are ordered by (then by id). */
  expr: RawBuilder<unknown>;
  /** The same value as the cursor carries it. */
  cursorValue: RawBuilder<unknown>;
  cast: string;
  descending: boolean;
}

/** Urgent first, none last. Indexed as written (migrations/0004_sort_order_indexes.sql). */
export const PRIORITY_ORDER = sql`array_position(array['urgent','high','medium','low','none']::text[], t.priority::text)`;

function orderOf(sort: TaskSort | undefined, q: string | undefined): Order {
  if (!sort && q) {
    const rank = sql`ts_rank(t.search, websearch_to_tsquery('english', ${q}))::float8`;
    return { expr: rank, cursorValue: rank, cast: 'float8', descending: true };
  }
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

/** Live projects `userId` sees (ADR 0002, from the read models): the `from … where …` of a sub-query. */
function projectsSeenBy(userId: string) {
  return sql`${table('projects')} p
    join ${table('org_memberships')} om on om.organization_id = p.organization_id and om.user_id = ${userId} and om.role is not null
    left join ${table('project_memberships')} pm on pm.project_id = p.id and pm.user_id = ${userId} and pm.role is not null
    where p.deleted_at is null and (om.role in ('owner', 'admin', 'member') or pm.role is not null)`;
}

/** Task `t` is in a live project `userId` sees. */
export function visibleProjects(userId: string) {
  return sql<boolean>`t.project_id in (select p.id from ${projectsSeenBy(userId)})`;
}

/**
 * Project `projectId` is live and `userId` sees it: an uncorrelated condition, so PostgreSQL checks
 * it once before reading any task (a one-time filter) and reads none for an outsider.
 */
export function visibleProject(userId: string, projectId: string) {
  return sql<boolean>`exists (select 1 from ${projectsSeenBy(userId)} and p.id = ${projectId})`;
}

function checkCursor(after: [SortKey, string] | undefined, order: Order) {
  if (!after) {
    return;
  }
  const [key, id] = after;
  const numeric = order.cast === 'float8' || order.cast === 'int';
  const valid =
    /^[0-9a-f-]{36}$/i.test(id) &&
    (numeric ? typeof key === 'number' : typeof key === 'string') &&
    (order.cast !== 'date' || key === 'infinity' || /^\d{4}-\d{2}-\d{2}$/.test(String(key))) &&
    (order.cast !== 'timestamptz' || !Number.isNaN(Date.parse(String(key))));
  if (!valid) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
}

/** Filtered, sorted, keyset-paginated task lists. */
export class TaskListRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  async list(
    filter: TaskListFilter,
    sort: TaskSort | undefined,
    limit: number,
    after?: [SortKey, string],
  ): Promise<(Task & { sort_key: SortKey })[]> {
    const order = orderOf(sort, filter.q);
    checkCursor(after, order);
    let query = taskQuery(this.db).select(order.cursorValue.as('sort_key'));
    query = filter.project_id
      ? query.where('t.project_id', '=', filter.project_id).where(visibleProject(filter.userId, filter.project_id))
      : query.where(visibleProjects(filter.userId));
    if (filter.status) {
      query = query.where('t.status', '=', filter.status);
    }
    if (filter.status_category) {
      query = query.where('t.status_category', '=', filter.status_category);
    }
    if (filter.assignee === 'unassigned') {
      query = query.where('t.assigned_to', 'is', null);
    } else if (filter.assignee) {
      query = query.where('t.assigned_to', '=', filter.assignee === 'me' ? filter.userId : filter.assignee);
    }
    if (filter.priority) {
      query = query.where('t.priority', '=', filter.priority);
    }
    if (filter.tag) {
      query = query.where(sql<boolean>`t.tags @> array[${filter.tag}]::text[]`);
    }
    if (filter.milestone_id) {
      query = query.where('t.milestone_id', '=', filter.milestone_id);
    }
    if (filter.parent_task_id) {
      query = query.where('t.parent_task_id', '=', filter.parent_task_id);
    }
    if (filter.due_before) {
      query = query.where(sql<boolean>`t.due_date < ${filter.due_before}::date`);
    }
    if (filter.due_after) {
      query = query.where(sql<boolean>`t.due_date > ${filter.due_after}::date`);
    }
    if (filter.overdue !== undefined) {
      const overdue = sql<boolean>`(t.due_date < current_date and t.status_category <> 'done')`;
      query = query.where(filter.overdue ? overdue : sql<boolean>`not coalesce(${overdue}, false)`);
    }
    if (filter.blocked !== undefined) {
      query = query.where(isBlocked(filter.blocked));
    }
    if (filter.q) {
      // Planned for its own project and words: a generic plan for an average project scanned the
      // 1,000,000-task project's whole index (kernel PLAN_EVERY_TIME).
      query = query.where(
        sql<boolean>`${sql.raw(PLAN_EVERY_TIME)} t.search @@ websearch_to_tsquery('english', ${filter.q})`,
      );
    }
    if (after) {
      const op = sql.raw(order.descending ? '<' : '>');
      query = query.where(
        sql<boolean>`(${order.expr}, t.id) ${op} (${after[0]}::${sql.raw(order.cast)}, ${after[1]}::uuid)`,
      );
    }
    const direction = sql.raw(order.descending ? 'desc' : 'asc');
    const rows = await query
      .orderBy(sql`${order.expr} ${direction}`)
      .orderBy(sql`t.id ${direction}`)
      .limit(limit + 1)
      .execute();
    return rows.map((row) => asTask(row) as Task & { sort_key: SortKey });
  }
}
