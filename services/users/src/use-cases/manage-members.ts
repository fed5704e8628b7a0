import type { Page } from '@pm/kernel';
import type { MemberListQuery, OrganizationMember, OrgRole } from '../contract/http.ts';
import { MemberRemoved, MemberRoleChanged, TeamMemberRemoved } from '../contract/events.ts';
import type { Db } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { isOrgAdmin, touchesOwnership } from '../domain/roles.ts';
import { forbidden, MemberNotFoundError, OrganizationNotFoundError } from '../domain/users.errors.ts';
import { assertNotLastOwner, requireMember } from './access.ts';

/** Any member, guests included, reads the member list. */
export async function listMembers(
  deps: UsersDeps,
  callerId: string,
  organizationId: string,
  query: MemberListQuery,
): Promise<Page<OrganizationMember>> {
  await requireMember(deps, organizationId, callerId);
  return deps.members.list(organizationId, query);
}

/**
 * Locks the organization, then returns the caller's and the target's roles. Changes to one
 * organization's members queue behind the lock, so two owners cannot demote each other at once.
 */
async function lockedRoles(
  deps: UsersDeps,
  trx: Db,
  organizationId: string,
  callerId: string,
  userId: string,
): Promise<{ callerRole: OrgRole; targetRole: OrgRole }> {
  if (!(await deps.organizations.lock(trx, organizationId))) {
    throw new OrganizationNotFoundError();
  }
  const callerRole = await requireMember(deps, organizationId, callerId, trx);
  const targetRole = await deps.members.roleOf(organizationId, userId, trx);
  if (!targetRole) {
    throw new MemberNotFoundError();
  }
  return { callerRole, targetRole };
}

/** Owners and admins change roles; only an owner grants or takes away ownership. */
export async function changeMemberRole(
  deps: UsersDeps,
  callerId: string,
  organizationId: string,
  userId: string,
  role: OrgRole,
): Promise<OrganizationMember> {
  await deps.outbox.transaction(deps.db, async (trx) => {
    const { callerRole, targetRole } = await lockedRoles(deps, trx, organizationId, callerId, userId);
    if (!isOrgAdmin(callerRole)) {
      throw forbidden('Only owners and admins change roles');
    }
    if (touchesOwnership(targetRole, role) && callerRole !== 'owner') {
      throw forbidden('Only an owner grants or takes away ownership');
    }
    if (targetRole === role) {
      return;
    }
    await assertNotLastOwner(deps, trx, organizationId, targetRole);
    await deps.members.setRole(trx, organizationId, userId, role);
    await deps.outbox.add(
      trx,
      MemberRoleChanged.create(
        { organization_id: organizationId, user_id: userId, role },
        { actor_id: callerId, org_id: organizationId },
      ),
    );
  });
  return (await deps.members.get(organizationId, userId))!;
}

/**
 * Removes a membership and the person's teams in that organization, announcing each, inside the
 * caller's transaction (shared with account deletion).
 */
export async function removeMemberIn(
  deps: UsersDeps,
  trx: Db,
  organizationId: string,
  userId: string,
  actorId: string,
): Promise<void> {
  const meta = { actor_id: actorId, org_id: organizationId };
  const teams = await deps.teamMembers.membershipsOf(trx, userId, organizationId);
  await deps.teamMembers.removeAll(trx, teams);
  await deps.members.remove(trx, organizationId, userId);
  await deps.outbox.add(
    trx,
    ...teams.map((membership) => TeamMemberRemoved.create(membership, meta)),
    MemberRemoved.create({ organization_id: organizationId, user_id: userId }, meta),
  );
}

/** Owners and admins remove members (only an owner removes an owner); anyone may leave. */
export async function removeMember(
  deps: UsersDeps,
  callerId: string,
  organizationId: string,
  userId: string,
): Promise<void> {
  await deps.outbox.transaction(deps.db, async (trx) => {
    const { callerRole, targetRole } = await lockedRoles(deps, trx, organizationId, callerId, userId);
    if (callerId !== userId) {
      if (!isOrgAdmin(callerRole)) {
        throw forbidden('Only owners and admins remove members');
      }
      if (targetRole === 'owner' && callerRole !== 'owner') {
        throw forbidden('Only an owner removes an owner');
      }
    }
    await assertNotLastOwner(deps, trx, organizationId, targetRole);
    await removeMemberIn(deps, trx, organizationId, userId, callerId);
  });
}
