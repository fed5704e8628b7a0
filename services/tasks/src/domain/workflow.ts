import type { StatusCategory } from '../contract/http.ts';

/** One status of a project's workflow (the projects service's `settings.workflow.statuses[]`). */
export interface WorkflowStatus {
  key: string;
  name: string;
  category: StatusCategory;
}

/** The projects service's default workflow: used until a project's own workflow is known. */
export const DEFAULT_WORKFLOW: WorkflowStatus[] = [
  { key: 'backlog', name: 'Backlog', category: 'todo' },
  { key: 'todo', name: 'To do', category: 'todo' },
  { key: 'in_progress', name: 'In progress', category: 'in_progress' },
  { key: 'in_review', name: 'In review', category: 'in_progress' },
  { key: 'done', name: 'Done', category: 'done' },
];

/** Where new tasks start: the first `todo` status (the projects service guarantees one). */
export function initialStatus(workflow: WorkflowStatus[]): WorkflowStatus {
  return workflow.find((status) => status.category === 'todo') ?? workflow[0] ?? DEFAULT_WORKFLOW[0]!;
}

export function findStatus(workflow: WorkflowStatus[], key: string): WorkflowStatus | undefined {
  return workflow.find((status) => status.key === key);
}
