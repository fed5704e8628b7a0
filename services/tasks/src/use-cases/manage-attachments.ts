import { ForbiddenError } from '@pm/kernel';
import type { Task } from '../contract/http.ts';
import type { AddAttachmentBody, TaskAttachment } from '../contract/http-attachments.ts';
import { TaskAttachmentAdded, TaskAttachmentRemoved } from '../contract/events.ts';
import type { TasksDeps } from '../deps.ts';
import {
  AttachmentExistsError,
  AttachmentLimitError,
  AttachmentNotFoundError,
} from '../domain/attachment.errors.ts';
import { taskFor } from './task-access.ts';

/** Enough for any real task; keeps one task's list (and its answer) bounded. */
const MAX_ATTACHMENTS_PER_TASK = 100;

function attachmentEvent(kind: 'added' | 'removed', task: Task, attachment: TaskAttachment, actorId: string) {
  const definition = kind === 'added' ? TaskAttachmentAdded : TaskAttachmentRemoved;
  const data = {
    attachment_id: attachment.id,
    task_id: task.id,
    project_id: task.project_id,
    organization_id: task.organization_id,
    key: task.key,
    file_id: attachment.file_id,
    file_name: attachment.file_name,
  };
  return definition.create(data, {
    actor_id: actorId,
    org_id: task.organization_id,
    project_id: task.project_id,
  });
}

export async function listAttachments(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
): Promise<TaskAttachment[]> {
  const { task } = await taskFor(deps, userId, idOrKey, 'read');
  return deps.attachments.list(task.id);
}

/** Attaches a file once (the same file again answers 409), with an activity row and an event. */
export async function addAttachment(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  body: AddAttachmentBody,
): Promise<TaskAttachment> {
  const { task } = await taskFor(deps, userId, idOrKey, 'write');
  const now = deps.clock.now();
  return deps.outbox.transaction(deps.db, async (trx) => {
    // The task's row lock makes the count and the insert one step for concurrent uploads.
    await deps.tasks.lock(trx, task.id);
    if ((await deps.attachments.count(trx, task.id)) >= MAX_ATTACHMENTS_PER_TASK) {
      throw new AttachmentLimitError(MAX_ATTACHMENTS_PER_TASK);
    }
    const attachment = await deps.attachments.insert(
      trx,
      {
        task_id: task.id,
        file_id: body.file_id,
        file_name: body.file_name ?? null,
        size_bytes: body.size_bytes ?? null,
        content_type: body.content_type ?? null,
        uploaded_by: userId,
      },
      now,
    );
    if (!attachment) {
      throw new AttachmentExistsError();
    }
    const shown = attachment.file_name ?? attachment.file_id;
    await deps.tasks.addActivity(
      trx,
      [{ task_id: task.id, actor_id: userId, field: 'attachment_added', from: null, to: shown }],
      now,
    );
    await deps.outbox.add(trx, attachmentEvent('added', task, attachment, userId));
    return attachment;
  });
}

/** Its uploader or a project admin removes an attachment (members and admins only). */
export async function removeAttachment(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  attachmentId: string,
): Promise<void> {
  const { task, project } = await taskFor(deps, userId, idOrKey, 'write');
  const attachment = await deps.attachments.find(task.id, attachmentId);
  if (!attachment) {
    throw new AttachmentNotFoundError();
  }
  if (attachment.uploaded_by !== userId && project.role !== 'admin') {
    throw new ForbiddenError('Only its uploader or a project admin removes an attachment');
  }
  const now = deps.clock.now();
  await deps.outbox.transaction(deps.db, async (trx) => {
    await deps.attachments.delete(trx, attachment.id);
    const shown = attachment.file_name ?? attachment.file_id;
    await deps.tasks.addActivity(
      trx,
      [{ task_id: task.id, actor_id: userId, field: 'attachment_removed', from: shown, to: null }],
      now,
    );
    await deps.outbox.add(trx, attachmentEvent('removed', task, attachment, userId));
  });
}
