import {
  subscribeIdempotent,
  subscribeWithInbox,
  type EventBus,
  type EventEnvelope,
  type Logger,
  type Metrics,
} from '@pm/kernel';
import {
  ProjectArchived,
  ProjectCreated,
  ProjectDeleted,
  ProjectMemberAdded,
  ProjectMemberRemoved,
  ProjectMemberRoleChanged,
  ProjectRestored,
  ProjectUpdated,
} from '@pm/projects/contract';
import { TaskAssigned, TaskCreated, TaskDeleted, TaskStatusChanged, TaskUpdated } from '@pm/tasks/contract';
import {
  MemberAdded,
  MemberRemoved,
  MemberRoleChanged,
  OrganizationCreated,
  OrganizationUpdated,
  ProfileUpdated,
} from '@pm/users/contract';
import type { Kysely, Transaction } from 'kysely';
import { ReadModelRepository } from '../data/read-model.repository.ts';
import type { TimeTrackingDatabase } from '../data/time.tables.ts';
import type { ProjectRole } from '../domain/time-access.ts';

export interface ReadModelSubscriberOptions {
  bus: EventBus;
  db: Kysely<TimeTrackingDatabase>;
  logger: Logger;
  metrics?: Metrics;
  /** Queue and inbox name; tests may pass their own. */
  consumer?: string;
}

type Apply = (
  repo: ReadModelRepository,
  event: EventEnvelope,
  trx: Kysely<TimeTrackingDatabase>,
  at: Date,
) => Promise<boolean>;

const PROJECT_EVENTS = [ProjectCreated, ProjectUpdated, ProjectArchived, ProjectRestored, ProjectDeleted];
/**
 * The task events that can change what the copy keeps (organization, project, key, title, deletion).
 * A change of status or assignee only has an event of its own that changes none of these (a change
 * of anything else comes with `updated` too: task-events.ts), so those are not taken: each status
 * change cost one write here (bench/RESULTS.md).
 */
const TASK_EVENTS = [TaskCreated, TaskUpdated, TaskDeleted];
/** Still delivered to queues bound before they were left out (`tasks.task.*`): ignored. */
const UNCOPIED_TASK_EVENTS = [TaskAssigned, TaskStatusChanged];

const applyProject: Apply = async (repo, event, trx, at) => {
  const definition = PROJECT_EVENTS.find((candidate) => candidate.is(event));
  if (!definition || !definition.is(event)) {
    return false;
  }
  const { project_id: id, organization_id, name, key, status } = event.data;
  await repo.saveProject(trx, { id, organization_id, name, key, status }, at, definition === ProjectDeleted);
  return true;
};

const applyMembership: Apply = async (repo, event, trx, at) => {
  if (ProjectMemberAdded.is(event) || ProjectMemberRoleChanged.is(event)) {
    const { project_id: projectId, user_id: userId, role } = event.data;
    await repo.saveProjectMember(trx, projectId, userId, role as ProjectRole, at);
  } else if (ProjectMemberRemoved.is(event)) {
    await repo.saveProjectMember(trx, event.data.project_id, event.data.user_id, null, at);
  } else if (MemberAdded.is(event) || MemberRoleChanged.is(event)) {
    await repo.saveOrgMember(trx, event.data.organization_id, event.data.user_id, event.data.role, at);
  } else if (MemberRemoved.is(event)) {
    await repo.saveOrgMember(trx, event.data.organization_id, event.data.user_id, null, at);
  } else {
    return false;
  }
  return true;
};

const applyUsers: Apply = async (repo, event, trx, at) => {
  if (OrganizationCreated.is(event) || OrganizationUpdated.is(event)) {
    const { week_start, allow_overlapping_time_entries, timer_limit_hours } = event.data.settings;
    const settings = { week_start, allow_overlapping_time_entries, timer_limit_hours };
    await repo.saveOrganization(trx, event.data.organization_id, settings, at);
  } else if (ProfileUpdated.is(event)) {
    await repo.saveTimeZone(trx, event.data.user_id, event.data.timezone, at);
  } else {
    return false;
  }
  return true;
};

const applyTask: Apply = async (repo, event, trx, at) => {
  const definition = TASK_EVENTS.find((candidate) => candidate.is(event));
  if (!definition || !definition.is(event)) {
    return false;
  }
  const { task_id: id, organization_id, project_id, key, title } = event.data;
  await repo.saveTask(trx, { id, organization_id, project_id, key, title }, at, definition === TaskDeleted);
  return true;
};

/** Events of other services this one keeps copies of; anything else on these topics is ignored. */
const PATTERNS = [
  'projects.project.*',
  'projects.member.*',
  'users.member.*',
  'users.organization.*',
  'users.profile.updated',
];

/**
 * Keeps the read models: projects, memberships, organization settings, time zones and tasks.
 * `occurred_at` orders them (newer wins); the inbox makes each event count once, except the tasks'
 * (below).
 */
export async function subscribeToReadModels(options: ReadModelSubscriberOptions): Promise<void> {
  const repo = new ReadModelRepository(options.db);
  const consumer = options.consumer ?? 'time-tracking';
  // Task events come often: each is a single `saveIfNewer` row (safe to repeat or to
  // get late), so it runs as one statement, without the inbox's transaction (four round trips).
  await subscribeIdempotent({
    bus: options.bus,
    consumer: `${consumer}.tasks`,
    patterns: TASK_EVENTS.map((definition) => definition.type),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    handler: async (event) => {
      if (UNCOPIED_TASK_EVENTS.some((definition) => definition.type === event.type)) {
        return;
      }
      const at = new Date(event.occurred_at);
      if (Number.isNaN(at.getTime()) || !(await applyTask(repo, event, options.db, at))) {
        options.logger.error(
          { event_id: event.id, type: event.type },
          'event with an unexpected shape ignored',
        );
      }
    },
  });
  await subscribeWithInbox({
    bus: options.bus,
    db: options.db,
    consumer,
    patterns: PATTERNS,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    handler: async (event, trx: Transaction<TimeTrackingDatabase>) => {
      const at = new Date(event.occurred_at);
      let applied = false;
      for (const apply of [applyProject, applyMembership, applyUsers]) {
        if (!applied && !Number.isNaN(at.getTime())) {
          applied = await apply(repo, event, trx, at);
        }
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
