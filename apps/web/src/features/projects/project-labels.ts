import type { MilestoneStatus, ProjectRole, ProjectStatus, StatusCategory } from './project.types.ts';

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  archived: 'Archived',
};

/** Statuses a person may pick; archiving has its own button. */
export const EDITABLE_PROJECT_STATUSES = ['active', 'on_hold', 'completed'] as const;

export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = {
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

export const PROJECT_ROLE_HINTS: Record<ProjectRole, string> = {
  admin: 'Manages the project, its settings and members',
  member: 'Works on the project: milestones and, soon, tasks',
  viewer: 'Reads everything, changes nothing',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

/** What the caller's effective role allows (ADR 0002); the server checks again. */
export function canManageProject(role: ProjectRole): boolean {
  return role === 'admin';
}

export function canEditMilestones(role: ProjectRole): boolean {
  return role === 'admin' || role === 'member';
}

/** The badge colour of a project status. */
export function statusTone(status: ProjectStatus): string {
  switch (status) {
    case 'active':
      return 'badge-accent';
    case 'on_hold':
      return 'badge-warning';
    case 'completed':
      return 'badge-success';
    case 'archived':
      return '';
  }
}
