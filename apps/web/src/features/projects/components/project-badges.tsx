import { PROJECT_ROLE_LABELS, PROJECT_STATUS_LABELS, statusTone } from '../project-labels.ts';
import type { ProjectRole, ProjectStatus } from '../project.types.ts';

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <span className={['badge', 'status-badge', statusTone(status)].join(' ').trim()}>
      <span className="status-dot" aria-hidden="true" />
      {PROJECT_STATUS_LABELS[status]}
    </span>
  );
}

export function ProjectRoleBadge({ role }: { role: ProjectRole }) {
  return <span className="badge">{PROJECT_ROLE_LABELS[role]}</span>;
}

/** The project's key in monospace: the prefix its task ids will carry. */
export function ProjectKey({ value }: { value: string }) {
  return <span className="project-key">{value}</span>;
}
