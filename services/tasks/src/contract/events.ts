import { defineEvent } from '@pm/kernel';
import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });

const TaskEventData = Type.Object({
  task_id: Uuid,
  project_id: Uuid,
  organization_id: Uuid,
  key: Type.String(),
  title: Type.String(),
  status: Type.String(),
  priority: Type.String(),
  assigned_to: Type.Union([Uuid, Type.Null()]),
  /** Fields this change touched (empty for created and deleted). */
  changed: Type.Array(Type.String()),
});

/** Envelopes carry `org_id` and `project_id` of the task. */
export const TaskCreated = defineEvent('tasks.task.created', 1, TaskEventData);
export const TaskUpdated = defineEvent('tasks.task.updated', 1, TaskEventData);
export const TaskDeleted = defineEvent('tasks.task.deleted', 1, TaskEventData);
/** The assignee changed (also through PUT /tasks/{id}). */
export const TaskAssigned = defineEvent('tasks.task.assigned', 1, TaskEventData);
/** The status changed (also through PUT /tasks/{id}). */
export const TaskStatusChanged = defineEvent('tasks.task.status_changed', 1, TaskEventData);

const AttachmentEventData = Type.Object({
  attachment_id: Uuid,
  task_id: Uuid,
  project_id: Uuid,
  organization_id: Uuid,
  key: Type.String(),
  file_id: Uuid,
  file_name: Type.Union([Type.String(), Type.Null()]),
});

/** A file was attached to a task (envelope `org_id`, `project_id` of the task). */
export const TaskAttachmentAdded = defineEvent('tasks.attachment.added', 1, AttachmentEventData);
export const TaskAttachmentRemoved = defineEvent('tasks.attachment.removed', 1, AttachmentEventData);
