import { ForbiddenError, type Page } from '@pm/kernel';
import type { AddMemberBody, MemberListQuery, ProjectMember, ProjectRole } from '../contract/http.ts';
import { ProjectMemberAdded, ProjectMemberRemoved, ProjectMemberRoleChanged } from '../contract/events.ts';
import { toMember } from '../data/member.repository.ts';
import type { Db, MemberRow } from '../data/projects.tables.ts';
import type { ProjectsDeps } from '../deps.ts';
import { mayDo } from '../domain/project-role.ts';
import {
  LastAdminError,
  MemberExistsError,
  MemberNotFoundError,
  NotInOrganizationError,
} from '../domain/projects.errors.ts';
import { projectMeta } from './event-data.ts';
import { assertNotArchived, lockWritableProject, projectFor } from './project-access.ts';

export async function listMembers(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  query: MemberListQuery,
): Promise<Page<ProjectMember>> {
  await projectFor(deps, userId, projectId, 'read');
  return deps.members.list(projectId, query);
}

/** Adds a member of the project's organization (checked against the local read model). */
export async function addMember(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  body: AddMemberBody,
): Promise<ProjectMember> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  assertNotArchived(project.status);
  if (!(await deps.orgMemberships.roleOf(project.organization_id, body.user_id))) {
    throw new NotInOrganizationError('user_id');
  }
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    await lockWritableProject(deps, trx, projectId);
    if (await deps.members.find(projectId, body.user_id, trx)) {
      throw new MemberExistsError();
    }
    const added = await deps.members.insert(trx, {
      project_id: projectId,
      user_id: body.user_id,
      role: body.role,
    });
    const data = {
      project_id: projectId,
      organization_id: project.organization_id,
      user_id: body.user_id,
      role: body.role,
    };
    await deps.outbox.add(trx, ProjectMemberAdded.create(data, projectMeta(userId, project)));
    return added;
  });
  return toMember(row);
}

export async function changeMemberRole(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  memberId: string,
  role: ProjectRole,
): Promise<ProjectMember> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  assertNotArchived(project.status);
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    const member = await lockedMember(deps, trx, projectId, memberId);
    if (member.role === role) {
      return member;
    }
    await assertAnotherAdminRemains(deps, trx, member);
    const changed = await deps.members.updateRole(trx, projectId, memberId, role);
    const data = { project_id: projectId, organization_id: project.organization_id, user_id: memberId, role };
    await deps.outbox.add(trx, ProjectMemberRoleChanged.create(data, projectMeta(userId, project)));
    return changed;
  });
  return toMember(row);
}

/** Admins remove anyone; anyone may leave (remove themselves). The last admin stays. */
export async function removeMember(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  memberId: string,
): Promise<void> {
  const project = await projectFor(deps, userId, projectId, 'read');
  if (memberId !== userId && !mayDo(project.my_role, 'manage_project')) {
    throw new ForbiddenError('Only project admins remove other members');
  }
  assertNotArchived(project.status);
  await deps.outbox.transaction(deps.db, async (trx) => {
    const member = await lockedMember(deps, trx, projectId, memberId);
    await assertAnotherAdminRemains(deps, trx, member);
    await deps.members.delete(trx, projectId, memberId);
    const data = { project_id: projectId, organization_id: project.organization_id, user_id: memberId };
    await deps.outbox.add(trx, ProjectMemberRemoved.create(data, projectMeta(userId, project)));
  });
}

/** With the project row locked, concurrent demotions cannot both pass the last-admin check. */
async function lockedMember(
  deps: ProjectsDeps,
  trx: Db,
  projectId: string,
  memberId: string,
): Promise<MemberRow> {
  await lockWritableProject(deps, trx, projectId);
  const member = await deps.members.find(projectId, memberId, trx);
  if (!member) {
    throw new MemberNotFoundError();
  }
  return member;
}

/** Organization owners and admins do not count: they are admins by role and can leave the organization. */
async function assertAnotherAdminRemains(deps: ProjectsDeps, trx: Db, member: MemberRow): Promise<void> {
  if (member.role === 'admin' && (await deps.members.countAdmins(trx, member.project_id)) <= 1) {
    throw new LastAdminError();
  }
}
