import { UserDeleted } from '../contract/events.ts';
import type { Db } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { forbidden, LastOwnerError, UserNotFoundError } from '../domain/users.errors.ts';
import { removeMemberIn } from './manage-members.ts';

/**
 * The person themselves; or an owner of an organization they belong to; or an admin of one where
 * they are not an owner (only an owner removes an owner).
 */
async function assertMayDelete(deps: UsersDeps, callerId: string, userId: string): Promise<void> {
  const person = await deps.directory.find(userId);
  if (person?.deleted_at || (!person && callerId !== userId)) {
    throw new UserNotFoundError();
  }
  if (callerId === userId) {
    return;
  }
  const shared = await deps.members.sharedRoles(callerId, userId);
  if (shared.length === 0) {
    throw new UserNotFoundError();
  }
  const allowed = shared.some(
    (row) => row.caller_role === 'owner' || (row.caller_role === 'admin' && row.target_role !== 'owner'),
  );
  if (!allowed) {
    throw forbidden('Only the person, or an owner or admin of their organization, deletes an account');
  }
}

/**
 * Leaves every organization (locked in id order, so concurrent changes cannot deadlock). The last
 * owner of an organization with other members must hand ownership over first; an organization
 * where they are alone is left empty.
 */
async function leaveAllOrganizations(
  deps: UsersDeps,
  trx: Db,
  userId: string,
  actorId: string,
): Promise<void> {
  const memberships = await deps.members.membershipsOf(userId, trx);
  for (const { organization_id: organizationId, role } of memberships) {
    await deps.organizations.lock(trx, organizationId);
    const isLastOwner = role === 'owner' && (await deps.members.countOwners(trx, organizationId)) <= 1;
    if (isLastOwner && (await deps.members.countMembers(trx, organizationId)) > 1) {
      throw new LastOwnerError(organizationId);
    }
  }
  for (const { organization_id: organizationId } of memberships) {
    await removeMemberIn(deps, trx, organizationId, userId, actorId);
  }
}

/**
 * Deletes an account: it leaves its organizations and teams, its profile and directory entry lose
 * every personal detail (the name reads "Deleted user"), and users.user.deleted tells the auth
 * service to deactivate it. The id stays, so what the person created remains attributable.
 */
export async function deleteUser(deps: UsersDeps, callerId: string, userId: string): Promise<void> {
  await assertMayDelete(deps, callerId, userId);
  await deps.outbox.transaction(deps.db, async (trx) => {
    await leaveAllOrganizations(deps, trx, userId, callerId);
    await deps.directory.scrub(trx, userId, deps.clock.now());
    await deps.profiles.scrub(trx, userId);
    await deps.outbox.add(trx, UserDeleted.create({ user_id: userId }, { actor_id: callerId }));
  });
}
