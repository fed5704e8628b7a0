import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static, type TSchema } from 'typebox';
import { ProjectSettings } from './settings.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: 255 });
const Description = Type.String({ maxLength: 10_000 });
/**
 * Query schemas close themselves: the kernel's closing hook copies the schema with a spread, which
 * drops TypeBox's non-enumerable kind marker and with it the string-to-number conversion of `limit`.
 */
const Closed = { additionalProperties: false } as const;
const Version = Type.Integer({ minimum: 1, description: 'version of the state the change is based on' });

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const ProjectStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('on_hold'),
  Type.Literal('completed'),
  Type.Literal('archived'),
]);
export type ProjectStatus = Static<typeof ProjectStatus>;

/** Statuses a client may set; `archived` comes only from POST /projects/{id}/archive. */
export const EditableProjectStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('on_hold'),
  Type.Literal('completed'),
]);

export const ProjectRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('member'),
  Type.Literal('viewer'),
]);
export type ProjectRole = Static<typeof ProjectRole>;

/** Uppercase letters and digits, starting with a letter, 2–10 characters: prefix of task keys. */
export const ProjectKey = Type.String({ pattern: '^[A-Z][A-Z0-9]{1,9}$' });

/** A project as the projects service shows it; `my_role` is the caller's effective role. */
export const Project = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  key: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  status: ProjectStatus,
  start_date: Nullable(Type.String()),
  end_date: Nullable(Type.String()),
  owner_id: Uuid,
  team_id: Nullable(Uuid),
  settings: ProjectSettings,
  version: Type.Integer(),
  archived_at: Nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
  my_role: ProjectRole,
});
export type Project = Static<typeof Project>;

export const CreateProjectBody = Type.Object({
  organization_id: Uuid,
  name: Name,
  /** Derived from the name when absent. */
  key: Type.Optional(ProjectKey),
  description: Type.Optional(Nullable(Description)),
  status: Type.Optional(EditableProjectStatus),
  start_date: Type.Optional(Nullable(DateOnly)),
  end_date: Type.Optional(Nullable(DateOnly)),
  /** Defaults to the caller; must belong to the organization. */
  owner_id: Type.Optional(Uuid),
  team_id: Type.Optional(Nullable(Uuid)),
  /** Defaults to the template's settings, else the default workflow. */
  settings: Type.Optional(ProjectSettings),
  /** Create from a template: its settings and milestones, dated from `start_date` (then required). */
  template_id: Type.Optional(Uuid),
});
export type CreateProjectBody = Static<typeof CreateProjectBody>;

/** Omitted fields keep their value; `settings` replaces the whole settings object. */
export const UpdateProjectBody = Type.Object({
  version: Version,
  name: Type.Optional(Name),
  description: Type.Optional(Nullable(Description)),
  status: Type.Optional(EditableProjectStatus),
  start_date: Type.Optional(Nullable(DateOnly)),
  end_date: Type.Optional(Nullable(DateOnly)),
  owner_id: Type.Optional(Uuid),
  team_id: Type.Optional(Nullable(Uuid)),
  settings: Type.Optional(ProjectSettings),
});
export type UpdateProjectBody = Static<typeof UpdateProjectBody>;

/** Without `status`, every project except archived ones. Sorted by name, then id. */
export const ProjectListQuery = Type.Object(
  {
    organization_id: Type.Optional(Uuid),
    status: Type.Optional(ProjectStatus),
    team_id: Type.Optional(Uuid),
    /** Part of the name or key, case-insensitive. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  Closed,
);
export type ProjectListQuery = Static<typeof ProjectListQuery>;
export const ProjectPage = PageOf(Project);

export const ProjectParams = Type.Object({ id: Uuid });

export const MilestoneStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('in_progress'),
  Type.Literal('completed'),
]);
export type MilestoneStatus = Static<typeof MilestoneStatus>;

export const Milestone = Type.Object({
  id: Uuid,
  project_id: Uuid,
  title: Type.String(),
  description: Nullable(Type.String()),
  due_date: Nullable(Type.String()),
  status: MilestoneStatus,
  /** Due date passed and not completed (computed; there is no stored "missed" status). */
  is_overdue: Type.Boolean(),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Milestone = Static<typeof Milestone>;

export const CreateMilestoneBody = Type.Object({
  title: Name,
  description: Type.Optional(Nullable(Description)),
  due_date: Type.Optional(Nullable(DateOnly)),
  status: Type.Optional(MilestoneStatus),
});
export type CreateMilestoneBody = Static<typeof CreateMilestoneBody>;

export const UpdateMilestoneBody = Type.Object({
  version: Version,
  title: Type.Optional(Name),
  description: Type.Optional(Nullable(Description)),
  due_date: Type.Optional(Nullable(DateOnly)),
  status: Type.Optional(MilestoneStatus),
});
export type UpdateMilestoneBody = Static<typeof UpdateMilestoneBody>;

/** Sorted by due date (undated last), then id. */
export const MilestoneListQuery = Type.Object(
  { status: Type.Optional(MilestoneStatus), ...PageQuery },
  Closed,
);
export type MilestoneListQuery = Static<typeof MilestoneListQuery>;
export const MilestonePage = PageOf(Milestone);
export const MilestoneParams = Type.Object({ id: Uuid, milestone_id: Uuid });

/** An explicit project membership (organization owners and admins are admins without one). */
export const ProjectMember = Type.Object({
  project_id: Uuid,
  user_id: Uuid,
  role: ProjectRole,
  joined_at: Timestamp,
});
export type ProjectMember = Static<typeof ProjectMember>;

export const AddMemberBody = Type.Object({ user_id: Uuid, role: ProjectRole });
export type AddMemberBody = Static<typeof AddMemberBody>;
export const UpdateMemberBody = Type.Object({ role: ProjectRole });
/** Sorted by role (admins first), then user id. */
export const MemberListQuery = Type.Object({ role: Type.Optional(ProjectRole), ...PageQuery }, Closed);
export type MemberListQuery = Static<typeof MemberListQuery>;
export const MemberPage = PageOf(ProjectMember);
export const MemberParams = Type.Object({ id: Uuid, user_id: Uuid });

/** Counts this service owns; task counts will come from the tasks service (`tasks` is null until then). */
export const ProjectAnalytics = Type.Object({
  project_id: Uuid,
  milestones: Type.Object({
    total: Type.Integer(),
    by_status: Type.Object({
      pending: Type.Integer(),
      in_progress: Type.Integer(),
      completed: Type.Integer(),
    }),
    overdue: Type.Integer(),
  }),
  members: Type.Object({
    total: Type.Integer(),
    by_role: Type.Object({ admin: Type.Integer(), member: Type.Integer(), viewer: Type.Integer() }),
  }),
  /** Days from today to end_date, negative once it has passed; null without an end date. */
  days_remaining: Nullable(Type.Integer()),
  /** Days from start_date to end_date; null unless both are set. */
  duration_days: Nullable(Type.Integer()),
  tasks: Type.Null(),
});
export type ProjectAnalytics = Static<typeof ProjectAnalytics>;

export const TemplateMilestone = Type.Object({
  title: Type.String(),
  description: Nullable(Type.String()),
  /** Days after the project's start date; null for an undated milestone. */
  due_in_days: Nullable(Type.Integer()),
});
export type TemplateMilestone = Static<typeof TemplateMilestone>;

const TemplatePriority = Type.Union([
  Type.Literal('urgent'),
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
  Type.Literal('none'),
]);
const TemplateTaskFields = {
  title: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
  priority: Type.Optional(TemplatePriority),
  estimated_hours: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 99_999 }))),
};

/**
 * A task to create from a template, with its sub-tasks. Declared here because project templates
 * carry them and `projects.project.created` hands them to the tasks service; the tasks service's
 * own task templates use this same shape, so either kind of template holds the same tasks.
 */
export const TaskTemplateData = Type.Object(
  {
    ...TemplateTaskFields,
    tags: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\s,]+$' }), {
        maxItems: 50,
        uniqueItems: true,
      }),
    ),
    subtasks: Type.Optional(Type.Array(Type.Object(TemplateTaskFields, Closed), { maxItems: 50 })),
  },
  Closed,
);
export type TaskTemplateData = Static<typeof TaskTemplateData>;

/** At most 100 tasks (each with up to 50 sub-tasks) per project template. */
export const TemplateTaskList = Type.Array(TaskTemplateData, { maxItems: 100 });

export const TemplateData = Type.Object({
  settings: ProjectSettings,
  milestones: Type.Array(TemplateMilestone),
  /** Tasks created in every project made from the template (by the tasks service). */
  task_templates: TemplateTaskList,
});
export type TemplateData = Static<typeof TemplateData>;

export const ProjectTemplate = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  template_data: TemplateData,
  created_by: Uuid,
  source_project_id: Nullable(Uuid),
  created_at: Timestamp,
});
export type ProjectTemplate = Static<typeof ProjectTemplate>;

export const SaveAsTemplateBody = Type.Object({
  name: Name,
  description: Type.Optional(Nullable(Description)),
  /** Tasks every project made from the template starts with (the client picks them). */
  task_templates: Type.Optional(TemplateTaskList),
});
export type SaveAsTemplateBody = Static<typeof SaveAsTemplateBody>;
/** Sorted by name, then id. */
export const TemplateListQuery = Type.Object({ organization_id: Type.Optional(Uuid), ...PageQuery }, Closed);
export type TemplateListQuery = Static<typeof TemplateListQuery>;
export const TemplatePage = PageOf(ProjectTemplate);
export const TemplateParams = Type.Object({ id: Uuid });
