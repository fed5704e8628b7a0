import type { ProjectSettings, StatusCategory, WorkflowStatus } from './project.types.ts';

/** A status being edited; `key` is null until a new status is saved (keys never change after). */
export interface DraftStatus {
  id: string;
  key: string | null;
  name: string;
  category: StatusCategory;
  color?: string | undefined;
}

export const MAX_STATUSES = 30;
export const MIN_STATUSES = 3;
const CATEGORIES: StatusCategory[] = ['todo', 'in_progress', 'done'];
const DEFAULT_COLORS: Record<StatusCategory, string> = {
  todo: '#64748B',
  in_progress: '#3B82F6',
  done: '#22C55E',
};

let nextDraftId = 1;
const draftId = () => `draft-${nextDraftId++}`;

export function draftFrom(settings: ProjectSettings): DraftStatus[] {
  return settings.workflow.statuses.map((status) => ({ ...status, id: draftId() }));
}

export function newDraftStatus(category: StatusCategory = 'todo'): DraftStatus {
  return { id: draftId(), key: null, name: '', category };
}

/** The list with the item at `index` moved by `delta` places (no-op at the ends). */
export function moveStatus(statuses: DraftStatus[], index: number, delta: -1 | 1): DraftStatus[] {
  const target = index + delta;
  if (target < 0 || target >= statuses.length) {
    return statuses;
  }
  const next = [...statuses];
  const [moved] = next.splice(index, 1);
  if (moved) {
    next.splice(target, 0, moved);
  }
  return next;
}

/** 'In review' → 'in_review': what the server accepts as a key (^[a-z][a-z0-9_]{0,49}$). */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const start = /^[a-z]/.test(slug) ? slug : `status_${slug}`.replace(/_+$/, '');
  return start.slice(0, 44);
}

/** Problems to fix before saving, by draft id ('' for the list as a whole). */
export function workflowProblems(statuses: DraftStatus[]): Map<string, string> {
  const problems = new Map<string, string>();
  const names = new Map<string, string>();
  for (const status of statuses) {
    const name = status.name.trim().toLowerCase();
    if (!name) {
      problems.set(status.id, 'Give this status a name');
    } else if (names.has(name)) {
      problems.set(status.id, 'Another status has this name');
    } else {
      names.set(name, status.id);
    }
  }
  const missing = CATEGORIES.filter((category) => !statuses.some((s) => s.category === category));
  if (missing.length > 0) {
    const labels = missing.map((c) => ({ todo: 'to do', in_progress: 'in progress', done: 'done' })[c]);
    problems.set('', `A workflow needs at least one "${labels.join('", "')}" status.`);
  } else if (statuses.length > MAX_STATUSES) {
    problems.set('', `A workflow has at most ${MAX_STATUSES} statuses.`);
  }
  return problems;
}

/** The settings to save: existing statuses keep their keys; new ones get a unique one. */
export function settingsFrom(statuses: DraftStatus[], base: ProjectSettings): ProjectSettings {
  const taken = new Set(statuses.flatMap((s) => (s.key ? [s.key] : [])));
  const saved: WorkflowStatus[] = statuses.map((status) => {
    let key = status.key;
    if (!key) {
      const stem = keyFromName(status.name);
      key = stem;
      for (let n = 2; taken.has(key); n++) {
        key = `${stem}_${n}`;
      }
      taken.add(key);
    }
    const color = status.color ?? DEFAULT_COLORS[status.category];
    return { key, name: status.name.trim(), category: status.category, color };
  });
  return { ...base, workflow: { ...base.workflow, statuses: saved } };
}

/** Whether the draft differs from what is saved (names, order, categories). */
export function isWorkflowChanged(statuses: DraftStatus[], settings: ProjectSettings): boolean {
  const saved = settings.workflow.statuses;
  return (
    statuses.length !== saved.length ||
    statuses.some((status, i) => {
      const other = saved[i];
      return (
        !other ||
        other.key !== status.key ||
        other.name !== status.name.trim() ||
        other.category !== status.category
      );
    })
  );
}
