import { PageOf, PageQuery } from '@pm/kernel';
import { TaskTemplateData } from '@pm/projects/contract';
import { Type, type Static, type TSchema } from 'typebox';
import { CreateTaskBody } from './http.ts';

export { TaskTemplateData } from '@pm/projects/contract';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: 255 });
const Description = Type.String({ maxLength: 10_000 });
const Closed = { additionalProperties: false } as const;

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A reusable task (with sub-tasks) of an organization, or of one project when `project_id` is set. */
export const TaskTemplate = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  project_id: Nullable(Uuid),
  name: Type.String(),
  description: Nullable(Type.String()),
  template_data: TaskTemplateData,
  created_by: Uuid,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type TaskTemplate = Static<typeof TaskTemplate>;
export const TaskTemplatePage = PageOf(TaskTemplate);

export const CreateTaskTemplateBody = Type.Object({
  organization_id: Uuid,
  /** Absent or null: usable in every project of the organization. */
  project_id: Type.Optional(Nullable(Uuid)),
  name: Name,
  description: Type.Optional(Nullable(Description)),
  template_data: TaskTemplateData,
});
export type CreateTaskTemplateBody = Static<typeof CreateTaskTemplateBody>;

/** Omitted fields keep their value; the scope (organization, project) is fixed. */
export const UpdateTaskTemplateBody = Type.Object({
  name: Type.Optional(Name),
  description: Type.Optional(Nullable(Description)),
  template_data: Type.Optional(TaskTemplateData),
});
export type UpdateTaskTemplateBody = Static<typeof UpdateTaskTemplateBody>;

/**
 * `organization_id`: the organization's templates and those of its projects the caller sees;
 * `project_id`: the templates usable in that project. Sorted by name, then id.
 */
export const TaskTemplateListQuery = Type.Object(
  { organization_id: Type.Optional(Uuid), project_id: Type.Optional(Uuid), ...PageQuery },
  Closed,
);
export type TaskTemplateListQuery = Static<typeof TaskTemplateListQuery>;

export const TaskTemplateParams = Type.Object({ id: Uuid });

/** Creates the template's task (and its sub-tasks) in `project_id`; the other fields override it. */
export const ApplyTaskTemplateBody = Type.Object({
  project_id: Uuid,
  title: Type.Optional(CreateTaskBody.properties.title),
  assigned_to: CreateTaskBody.properties.assigned_to,
  due_date: CreateTaskBody.properties.due_date,
  milestone_id: CreateTaskBody.properties.milestone_id,
});
export type ApplyTaskTemplateBody = Static<typeof ApplyTaskTemplateBody>;
