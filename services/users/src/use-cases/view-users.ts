import type { Page } from '@pm/kernel';
import type { Me, User, UserListQuery, UserSummary, UserTeam, UserTeamListQuery } from '../contract/http.ts';
import type { Caller, UsersDeps } from '../deps.ts';
import { UserNotFoundError } from '../domain/users.errors.ts';
import { requireMember } from './access.ts';
import { personOfCaller, toUser } from './user-view.ts';

/** The caller, their whole profile and their organizations with their role in each. */
export async function getMe(deps: UsersDeps, caller: Caller): Promise<Me> {
  const person = await personOfCaller(deps, caller);
  const profile = await deps.profiles.find(caller.id);
  const organizations = await deps.organizations.allForMember(caller.id);
  return { ...toUser(person, profile, true, deps.clock.now()), organizations };
}

/**
 * Whether the caller may see the person: themselves, or someone sharing an organization. A deleted
 * account holds no personal data any more and stays readable, so authorship keeps a name.
 */
async function isVisible(
  deps: UsersDeps,
  callerId: string,
  userId: string,
  deletedAt: Date | null | undefined,
) {
  return (
    callerId === userId || Boolean(deletedAt) || (await deps.members.sharedRoles(callerId, userId)).length > 0
  );
}

export async function getUser(deps: UsersDeps, caller: Caller, userId: string): Promise<User> {
  if (userId === caller.id) {
    const { organizations: _organizations, ...me } = await getMe(deps, caller);
    return me;
  }
  const person = await deps.directory.find(userId);
  if (!person || !(await isVisible(deps, caller.id, userId, person.deleted_at))) {
    throw new UserNotFoundError();
  }
  return toUser(person, await deps.profiles.find(userId), false, deps.clock.now());
}

/** People who share an organization with the caller (a named organization must be the caller's). */
export async function listUsers(
  deps: UsersDeps,
  callerId: string,
  query: UserListQuery,
): Promise<Page<UserSummary>> {
  if (query.organization_id) {
    await requireMember(deps, query.organization_id, callerId, deps.db, 'organization_id');
  }
  return deps.directory.search(callerId, query);
}

/** The person's teams in the organizations the caller shares with them. */
export async function listUserTeams(
  deps: UsersDeps,
  callerId: string,
  userId: string,
  query: UserTeamListQuery,
): Promise<Page<UserTeam>> {
  const person = await deps.directory.find(userId);
  if (userId !== callerId && (!person || !(await isVisible(deps, callerId, userId, person.deleted_at)))) {
    throw new UserNotFoundError();
  }
  return deps.teams.listOfUser(userId, callerId, query);
}
