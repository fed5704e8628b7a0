import type { Page } from '@pm/kernel';
import type {
  CreateMilestoneBody,
  Milestone,
  MilestoneListQuery,
  UpdateMilestoneBody,
} from '../contract/http.ts';
import { MilestoneCreated, MilestoneDeleted, MilestoneUpdated } from '../contract/events.ts';
import { toMilestone } from '../data/milestone.repository.ts';
import type { ProjectsDeps } from '../deps.ts';
import { utcDate } from '../domain/dates.ts';
import { MilestoneNotFoundError, VersionConflictError } from '../domain/projects.errors.ts';
import { milestoneEventData, projectMeta } from './event-data.ts';
import { assertNotArchived, lockWritableProject, projectFor } from './project-access.ts';

const todayOf = (deps: ProjectsDeps) => utcDate(deps.clock.now());

export async function listMilestones(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  query: MilestoneListQuery,
): Promise<Page<Milestone>> {
  await projectFor(deps, userId, projectId, 'read');
  return deps.milestones.list(projectId, query, todayOf(deps));
}

/** Members and admins plan milestones; viewers only read them. */
async function writableProject(deps: ProjectsDeps, userId: string, projectId: string) {
  const project = await projectFor(deps, userId, projectId, 'manage_milestones');
  assertNotArchived(project.status);
  return project;
}

export async function createMilestone(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  body: CreateMilestoneBody,
): Promise<Milestone> {
  const project = await writableProject(deps, userId, projectId);
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    await lockWritableProject(deps, trx, projectId);
    const [created] = await deps.milestones.insert(trx, [
      {
        project_id: projectId,
        title: body.title.trim(),
        description: body.description ?? null,
        due_date: body.due_date ?? null,
        status: body.status ?? 'pending',
      },
    ]);
    await deps.outbox.add(
      trx,
      MilestoneCreated.create(milestoneEventData(created!), projectMeta(userId, project)),
    );
    return created!;
  });
  return toMilestone(row, todayOf(deps));
}

/** Applies at the version the client read; a stale write answers 409 with the current milestone. */
export async function updateMilestone(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  milestoneId: string,
  body: UpdateMilestoneBody,
): Promise<Milestone> {
  const project = await writableProject(deps, userId, projectId);
  const existing = await deps.milestones.find(projectId, milestoneId);
  if (!existing) {
    throw new MilestoneNotFoundError();
  }
  const { version, ...changes } = body;
  if (changes.title !== undefined) {
    changes.title = changes.title.trim();
  }
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    await lockWritableProject(deps, trx, projectId);
    const updated = await deps.milestones.updateAtVersion(trx, milestoneId, version, changes);
    if (updated) {
      await deps.outbox.add(
        trx,
        MilestoneUpdated.create(milestoneEventData(updated), projectMeta(userId, project)),
      );
    }
    return updated;
  });
  if (!row) {
    const current = await deps.milestones.find(projectId, milestoneId);
    throw current
      ? new VersionConflictError('milestone', toMilestone(current, todayOf(deps)))
      : new MilestoneNotFoundError();
  }
  return toMilestone(row, todayOf(deps));
}

export async function deleteMilestone(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  milestoneId: string,
): Promise<void> {
  const project = await writableProject(deps, userId, projectId);
  await deps.outbox.transaction(deps.db, async (trx) => {
    await lockWritableProject(deps, trx, projectId);
    if (!(await deps.milestones.find(projectId, milestoneId, trx))) {
      throw new MilestoneNotFoundError();
    }
    const deleted = await deps.milestones.delete(trx, milestoneId);
    await deps.outbox.add(
      trx,
      MilestoneDeleted.create(milestoneEventData(deleted!), projectMeta(userId, project)),
    );
  });
}
