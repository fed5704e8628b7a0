import type { FieldError } from '@pm/kernel';
import type { ProjectSettings, StatusCategory } from '../contract/settings.ts';

/** The workflow a project gets unless it brings its own. */
export function defaultProjectSettings(): ProjectSettings {
  return {
    workflow: {
      statuses: [
        { key: 'backlog', name: 'Backlog', category: 'todo', color: '#94A3B8' },
        { key: 'todo', name: 'To do', category: 'todo', color: '#64748B' },
        { key: 'in_progress', name: 'In progress', category: 'in_progress', color: '#3B82F6' },
        { key: 'in_review', name: 'In review', category: 'in_progress', color: '#A855F7' },
        { key: 'done', name: 'Done', category: 'done', color: '#22C55E' },
      ],
    },
  };
}

const CATEGORIES: StatusCategory[] = ['todo', 'in_progress', 'done'];

/**
 * Rules the schema cannot express: keys are unique, and every category has a status, so the
 * tasks service always has a place to start, work and finish a task.
 */
export function workflowProblems(settings: ProjectSettings): FieldError[] {
  const statuses = settings.workflow.statuses;
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  statuses.forEach((status, i) => {
    if (seen.has(status.key)) {
      problems.push({
        field: `settings.workflow.statuses[${i}].key`,
        message: `repeats the key "${status.key}"`,
      });
    }
    seen.add(status.key);
  });
  for (const category of CATEGORIES) {
    if (!statuses.some((status) => status.category === category)) {
      problems.push({
        field: 'settings.workflow.statuses',
        message: `needs at least one status of category "${category}"`,
      });
    }
  }
  return problems;
}
