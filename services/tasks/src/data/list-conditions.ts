import { sql, type RawBuilder } from 'kysely';
import type { Task, TaskSort } from '../contract/http.ts';
import type { Order } from './list-orders.ts';
import type { ListValues, ValueField } from './list-values.ts';
import { searchConditions, type SearchTier } from './search-conditions.ts';
import { isBlocked } from './task-fields.ts';
import { joinTitleWords, type TaskRows } from './title-words-join.ts';
import { visibleProject, visibleProjects } from './visible-projects.ts';

/** One per word search-words.ts gives at most (MAX_TITLE_WORDS). */
export const TITLE_WORD_FIELDS = ['word_1', 'word_2', 'word_3'] as const;

/** What shapes a list query's text besides which values it carries. */
export interface ListFlags {
  sort: TaskSort | undefined;
  unassigned: boolean;
  overdue: boolean | undefined;
  blocked: boolean | undefined;
  /** A search without a sort: the tier this query reads. */
  searchTier: SearchTier | undefined;
  /** Tier 1: how many of the search's words (`word_<n>`) are looked up in task_title_words. */
  titleWords: number;
  /** Those words are alternatives (`a or b`): a title holds any of them, not each (search-words.ts). */
  anyTitleWord?: boolean;
  /** A search tier walked in its project (or in each, `perProject`): the `walk_limit` newest tasks past the cursor (search-budget.ts). */
  walk?: boolean;
  /** A search tier's matches looked up as a set, not walked (matchFirstQuery). */
  matchFirst?: boolean;
  /** A search tier across projects read as each project's page, walked (searchAcrossProjects). */
  perProject?: boolean;
  /** The search's words are rare (common-words.ts): its description tier's first page is looked up with a plan made once. */
  rareWords?: boolean;
  /** The project holds fewer tasks than the search's words (common-words.ts): its look-ups add the project's lexeme. */
  projectLexeme?: boolean;
}

/** Tier 1 of a search whose title matches are read from task_title_words. */
export const readsTitleWords = (flags: ListFlags) => flags.searchTier === 1 && flags.titleWords > 0;

/** Rows `t` of the list: its project or those the caller sees, the filters, a search tier, the cursor. */
export function narrowed<O>(
  rows: TaskRows<O>,
  v: ListValues,
  flags: ListFlags,
  order: Order,
  inProject?: RawBuilder<string>,
): TaskRows<O> {
  const text = (field: ValueField) => v[field] as string;
  const { searchTier } = flags;
  const byWords = readsTitleWords(flags);
  const id = order.id ?? sql`t.id`;
  let query = rows;
  if (inProject) {
    query = query.where(sql<boolean>`t.project_id = ${inProject}`);
  } else if (v.project_id === undefined) {
    query = query.where(visibleProjects(text('userId')));
  } else {
    query = query
      .where('t.project_id', '=', text('project_id'))
      .where(visibleProject(text('userId'), text('project_id')));
  }
  if (byWords) {
    const words = TITLE_WORD_FIELDS.slice(0, flags.titleWords).map(text);
    query = joinTitleWords(query, inProject ?? text('project_id'), words);
  }
  if (v.status !== undefined) {
    query = query.where('t.status', '=', text('status'));
  }
  if (v.status_category !== undefined) {
    query = query.where('t.status_category', '=', text('status_category') as Task['status_category']);
  }
  if (flags.unassigned) {
    query = query.where('t.assigned_to', 'is', null);
  } else if (v.assignee !== undefined) {
    query = query.where('t.assigned_to', '=', text('assignee'));
  }
  if (v.priority !== undefined) {
    query = query.where('t.priority', '=', text('priority') as Task['priority']);
  }
  if (v.tag !== undefined) {
    query = query.where(sql<boolean>`t.tags @> array[${v.tag}]::text[]`);
  }
  if (v.milestone_id !== undefined) {
    query = query.where('t.milestone_id', '=', text('milestone_id'));
  }
  if (v.parent_task_id !== undefined) {
    query = query.where('t.parent_task_id', '=', text('parent_task_id'));
  }
  if (v.due_before !== undefined) {
    query = query.where(sql<boolean>`t.due_date < ${v.due_before}::date`);
  }
  if (v.due_after !== undefined) {
    query = query.where(sql<boolean>`t.due_date > ${v.due_after}::date`);
  }
  if (flags.overdue !== undefined) {
    const overdue = sql<boolean>`(t.due_date < current_date and t.status_category <> 'done')`;
    query = query.where(flags.overdue ? overdue : sql<boolean>`not coalesce(${overdue}, false)`);
  }
  if (flags.blocked !== undefined) {
    query = query.where(isBlocked(flags.blocked));
  }
  if (v.q !== undefined) {
    const inOneProject = v.project_id !== undefined || inProject !== undefined;
    const walked = searchTier !== undefined && !flags.matchFirst && inOneProject;
    // Past a cursor a plan made once read on from it in the list's order: for rare words, much further.
    const rare = flags.rareWords === true && v.after_key === undefined;
    const project = flags.projectLexeme && !walked ? (inProject ?? sql<string>`${v.project_id}`) : undefined;
    for (const condition of searchConditions(v.q as string, searchTier, walked, rare, project)) {
      query = query.where(condition);
    }
  }
  if (v.after_key !== undefined) {
    const op = sql.raw(order.descending ? '<' : '>');
    query = query.where(
      sql<boolean>`(${order.expr}, ${id}) ${op} (${v.after_key}::${sql.raw(order.cast)}, ${v.after_id}::uuid)`,
    );
  }
  return query;
}

/** The list's cursor, if any, as values carry it. */
export function cursorOf(v: ListValues): [string, string] | undefined {
  return v.after_key === undefined ? undefined : [String(v.after_key), String(v.after_id)];
}
