import type { EventMeta } from '@pm/kernel';
import type { Milestone, Project } from '../contract/http.ts';
import type { MilestoneRow, ProjectRow } from '../data/projects.tables.ts';
import { toDateString } from '../domain/dates.ts';

/** The `data` every projects.project.* event carries (ADR 0002). */
export function projectEventData(project: Project | ProjectRow) {
  return {
    project_id: project.id,
    organization_id: project.organization_id,
    name: project.name,
    key: project.key,
    status: project.status,
    team_id: project.team_id,
    settings: project.settings,
  };
}

export function milestoneEventData(milestone: Milestone | MilestoneRow) {
  const dueDate = milestone.due_date;
  return {
    milestone_id: milestone.id,
    project_id: milestone.project_id,
    title: milestone.title,
    status: milestone.status,
    due_date: typeof dueDate === 'string' ? dueDate : toDateString(dueDate),
  };
}

/** Envelope fields of an event about a project: who did it, in which organization and project. */
export function projectMeta(
  actorId: string | null,
  project: { id: string; organization_id: string },
): EventMeta {
  return { actor_id: actorId, org_id: project.organization_id, project_id: project.id };
}
