import { ProjectCreated } from '@pm/projects/contract';
import type { EventEnvelope } from '@pm/kernel';
import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { TasksDatabase } from '../data/tasks.tables.ts';
import type { TasksDeps } from '../deps.ts';
import { DEFAULT_WORKFLOW, type WorkflowStatus } from '../domain/workflow.ts';
import { draftOf, insertTemplateTask } from '../use-cases/template-tasks.ts';

type CreatedEvent = EventEnvelope<Static<typeof ProjectCreated.schema>>;

/**
 * Creates the tasks of the template a project was made from (`data.template_tasks`), as its
 * creator, in the transaction that records the event in the inbox: a redelivered event finds its
 * inbox row and creates nothing twice.
 */
export async function createTemplateTasks(
  deps: Pick<TasksDeps, 'tasks' | 'outbox' | 'clock' | 'logger'>,
  event: CreatedEvent,
  trx: Transaction<TasksDatabase>,
  workflow: WorkflowStatus[] | null,
): Promise<void> {
  const templateTasks = event.data.template_tasks ?? [];
  if (templateTasks.length === 0) {
    return;
  }
  const creatorId = event.actor_id;
  const project = await trx
    .selectFrom('projects')
    .select('deleted_at')
    .where('id', '=', event.data.project_id)
    .executeTakeFirst();
  if (!creatorId || !project || project.deleted_at) {
    // Without a creator there is nobody to make them as; a project already deleted needs none.
    deps.logger.warn({ event_id: event.id }, 'template tasks of a project not created');
    return;
  }
  const target = {
    id: event.data.project_id,
    organizationId: event.data.organization_id,
    key: event.data.key,
    workflow: workflow ?? DEFAULT_WORKFLOW,
  };
  const now = deps.clock.now();
  for (const data of templateTasks) {
    await insertTemplateTask(deps, trx, target, creatorId, draftOf(target, data), data.subtasks, now);
  }
}
