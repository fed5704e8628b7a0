import {
  MilestoneCreated,
  MilestoneDeleted,
  MilestoneUpdated,
  ProjectArchived,
  ProjectCreated,
  ProjectDeleted,
  ProjectMemberAdded,
  ProjectMemberRemoved,
  ProjectMemberRoleChanged,
  ProjectRestored,
  ProjectUpdated,
} from '@pm/projects/contract';
import {
  subscribeWithInbox,
  type EventBus,
  type EventEnvelope,
  type Logger,
  type Metrics,
  type Outbox,
} from '@pm/kernel';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import { AccessRepository } from '../data/access.repository.ts';
import type { TasksDatabase } from '../data/tasks.tables.ts';
import type { ProjectRole } from '../domain/task-access.ts';
import type { WorkflowStatus } from '../domain/workflow.ts';
import { OrgMemberAdded, OrgMemberRemoved, OrgMemberRoleChanged } from './users-events.ts';

export interface ReadModelSubscriberOptions {
  bus: EventBus;
  db: Kysely<TasksDatabase>;
  logger: Logger;
  metrics?: Metrics;
  /** Queue and inbox name; tests may pass their own. */
  consumer?: string;
  /** Events written by `onProjectCreated` go out right after the commit. */
  outbox?: Outbox;
  /** Runs in the event's transaction once a created project is in the read model (template tasks). */
  onProjectCreated?: (
    event: EventEnvelope<Static<typeof ProjectCreated.schema>>,
    trx: Transaction<TasksDatabase>,
    workflow: WorkflowStatus[] | null,
  ) => Promise<void>;
}

const PROJECT_EVENTS = [ProjectCreated, ProjectUpdated, ProjectArchived, ProjectRestored, ProjectDeleted];

/**
 * Project events do not (yet) carry settings; when one does (`data.settings.workflow.statuses`),
 * the workflow is kept, otherwise the default workflow applies.
 */
function workflowOf(data: unknown): WorkflowStatus[] | null {
  const statuses = (data as { settings?: { workflow?: { statuses?: unknown } } }).settings?.workflow
    ?.statuses;
  return Array.isArray(statuses) && statuses.length > 0 ? (statuses as WorkflowStatus[]) : null;
}

async function applyProjectEvent(
  repo: AccessRepository,
  event: EventEnvelope,
  trx: Transaction<TasksDatabase>,
  at: Date,
) {
  for (const definition of PROJECT_EVENTS) {
    if (definition.is(event)) {
      const { data } = event;
      const facts = {
        id: data.project_id,
        organization_id: data.organization_id,
        key: data.key,
        status: data.status,
        workflow: workflowOf(data),
      };
      await repo.saveProject(trx, facts, at, definition === ProjectDeleted);
      return true;
    }
  }
  return false;
}

async function applyMemberEvent(
  repo: AccessRepository,
  event: EventEnvelope,
  trx: Transaction<TasksDatabase>,
  at: Date,
) {
  if (MilestoneCreated.is(event) || MilestoneUpdated.is(event) || MilestoneDeleted.is(event)) {
    const deleted = MilestoneDeleted.is(event);
    await repo.saveMilestone(trx, event.data.milestone_id, event.data.project_id, at, deleted);
    return true;
  }
  if (ProjectMemberAdded.is(event) || ProjectMemberRoleChanged.is(event)) {
    const { project_id: projectId, user_id: userId, role } = event.data;
    await repo.saveProjectMember(trx, projectId, userId, role as ProjectRole, at);
    return true;
  }
  if (ProjectMemberRemoved.is(event)) {
    await repo.saveProjectMember(trx, event.data.project_id, event.data.user_id, null, at);
    return true;
  }
  if (OrgMemberAdded.is(event) || OrgMemberRoleChanged.is(event)) {
    await repo.saveOrgMember(trx, event.data.organization_id, event.data.user_id, event.data.role, at);
    return true;
  }
  if (OrgMemberRemoved.is(event)) {
    await repo.saveOrgMember(trx, event.data.organization_id, event.data.user_id, null, at);
    return true;
  }
  return false;
}

/**
 * Keeps the local copies of projects, milestones, project memberships and organization memberships. The inbox
 * makes each event count once; `occurred_at` orders them, so a late, older event never undoes a
 * newer one.
 */
export async function subscribeToReadModels(options: ReadModelSubscriberOptions): Promise<void> {
  const repo = new AccessRepository(options.db);
  await subscribeWithInbox({
    bus: options.bus,
    db: options.db,
    consumer: options.consumer ?? 'tasks',
    patterns: ['projects.project.*', 'projects.member.*', 'projects.milestone.*', 'users.member.*'],
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.outbox ? { outbox: options.outbox } : {}),
    handler: async (event, trx: Transaction<TasksDatabase>) => {
      const at = new Date(event.occurred_at);
      const applied =
        !Number.isNaN(at.getTime()) &&
        ((await applyProjectEvent(repo, event, trx, at)) || (await applyMemberEvent(repo, event, trx, at)));
      if (applied && options.onProjectCreated && ProjectCreated.is(event)) {
        await options.onProjectCreated(event, trx, workflowOf(event.data));
      }
      if (!applied) {
        // Retrying cannot fix a malformed event: record it in the inbox and say so loudly.
        options.logger.error(
          { event_id: event.id, type: event.type },
          'event with an unexpected shape ignored',
        );
      }
    },
  });
}
