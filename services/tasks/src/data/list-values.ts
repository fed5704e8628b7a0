/** The values of a list query (task-list.repository.ts): which it may carry, their SQL types. */

/** Filter values a list query carries as parameters, in the order its template takes them. */
export const VALUE_FIELDS = [
  'userId',
  'project_id',
  'status',
  'status_category',
  'assignee',
  'priority',
  'tag',
  'milestone_id',
  'parent_task_id',
  'due_before',
  'due_after',
  'q',
  'word_1',
  'word_2',
  'word_3',
  'after_key',
  'after_id',
  'walk_limit',
  'match_cap',
  'limit',
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];
export type ListValues = Partial<Record<ValueField, string | number>>;

/** The SQL type of each value, as lists read together carry them (list-batches.ts). */
export const VALUE_TYPES: Record<ValueField, string> = {
  userId: 'uuid',
  project_id: 'uuid',
  status: 'text',
  status_category: 'text',
  assignee: 'uuid',
  priority: 'text',
  tag: 'text',
  milestone_id: 'uuid',
  parent_task_id: 'uuid',
  due_before: 'text',
  due_after: 'text',
  q: 'text',
  word_1: 'text',
  word_2: 'text',
  word_3: 'text',
  after_key: 'text',
  after_id: 'uuid',
  walk_limit: 'integer',
  match_cap: 'integer',
  limit: 'integer',
};

/** The values set (not undefined, not empty), in the order a template takes them. */
export function valuesOf(given: ListValues): { fields: ValueField[]; values: ListValues } {
  const fields = VALUE_FIELDS.filter((field) => given[field] !== undefined && given[field] !== '');
  return { fields, values: Object.fromEntries(fields.map((field) => [field, given[field]])) };
}
