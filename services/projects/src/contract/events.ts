import { defineEvent } from '@pm/kernel';
import { Type } from 'typebox';
import { TemplateTaskList } from './http.ts';
import { ProjectSettings } from './settings.ts';

const Uuid = Type.String({ format: 'uuid' });

const ProjectEventData = Type.Object({
  project_id: Uuid,
  organization_id: Uuid,
  name: Type.String(),
  key: Type.String(),
  status: Type.String(),
  team_id: Type.Union([Uuid, Type.Null()]),
  /** The workflow and other settings, so consumers (tasks) keep the project's statuses. */
  settings: ProjectSettings,
});

/**
 * A project was created (also from a template). `template_tasks`: the tasks of its template, present
 * only when the template has some; the tasks service creates them in the new project.
 */
export const ProjectCreated = defineEvent(
  'projects.project.created',
  1,
  Type.Object({ ...ProjectEventData.properties, template_tasks: Type.Optional(TemplateTaskList) }),
);
/** Name, dates, status, owner, team or settings changed. */
export const ProjectUpdated = defineEvent('projects.project.updated', 1, ProjectEventData);
export const ProjectArchived = defineEvent('projects.project.archived', 1, ProjectEventData);
export const ProjectRestored = defineEvent('projects.project.restored', 1, ProjectEventData);
/** The project, its milestones and memberships are gone; no per-milestone or per-member events follow. */
export const ProjectDeleted = defineEvent('projects.project.deleted', 1, ProjectEventData);

const MemberEventData = Type.Object({
  project_id: Uuid,
  organization_id: Uuid,
  user_id: Uuid,
  role: Type.String(),
});

export const ProjectMemberAdded = defineEvent('projects.member.added', 1, MemberEventData);
export const ProjectMemberRoleChanged = defineEvent('projects.member.role_changed', 1, MemberEventData);
/** Also emitted when the user left the project's organization. */
export const ProjectMemberRemoved = defineEvent(
  'projects.member.removed',
  1,
  Type.Object({ project_id: Uuid, organization_id: Uuid, user_id: Uuid }),
);

const MilestoneEventData = Type.Object({
  milestone_id: Uuid,
  project_id: Uuid,
  title: Type.String(),
  status: Type.String(),
  due_date: Type.Union([Type.String(), Type.Null()]),
});

export const MilestoneCreated = defineEvent('projects.milestone.created', 1, MilestoneEventData);
export const MilestoneUpdated = defineEvent('projects.milestone.updated', 1, MilestoneEventData);
export const MilestoneDeleted = defineEvent('projects.milestone.deleted', 1, MilestoneEventData);

const TemplateEventData = Type.Object({ template_id: Uuid, organization_id: Uuid, name: Type.String() });

/** Saved from a project (envelope project_id is that project). */
export const ProjectTemplateCreated = defineEvent('projects.template.created', 1, TemplateEventData);
export const ProjectTemplateDeleted = defineEvent('projects.template.deleted', 1, TemplateEventData);
