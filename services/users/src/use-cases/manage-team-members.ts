import type { Page } from '@pm/kernel';
import type { AddTeamMemberBody, TeamMember, TeamMemberListQuery, TeamRole } from '../contract/http.ts';
import { TeamMemberAdded, TeamMemberRemoved, TeamMemberRoleChanged } from '../contract/events.ts';
import type { UsersDeps } from '../deps.ts';
import { isOrgAdmin } from '../domain/roles.ts';
import {
  AlreadyMemberError,
  forbidden,
  NotInOrganizationError,
  TeamMemberNotFoundError,
} from '../domain/users.errors.ts';
import { teamForMember } from './manage-teams.ts';

/** Organization owners and admins manage every team's members; a team lead manages their team's. */
async function requireTeamManager(deps: UsersDeps, callerId: string, teamId: string) {
  const { team, orgRole } = await teamForMember(deps, callerId, teamId);
  if (!isOrgAdmin(orgRole) && (await deps.teamMembers.roleOf(teamId, callerId)) !== 'lead') {
    throw forbidden("Only the organization's owners and admins, or the team's leads, manage its members");
  }
  return team;
}

export async function listTeamMembers(
  deps: UsersDeps,
  callerId: string,
  teamId: string,
  query: TeamMemberListQuery,
): Promise<Page<TeamMember>> {
  await teamForMember(deps, callerId, teamId);
  return deps.teamMembers.list(teamId, query);
}

export async function addTeamMember(
  deps: UsersDeps,
  callerId: string,
  teamId: string,
  body: AddTeamMemberBody,
): Promise<TeamMember> {
  const team = await requireTeamManager(deps, callerId, teamId);
  const role: TeamRole = body.role ?? 'member';
  await deps.outbox.transaction(deps.db, async (trx) => {
    if (!(await deps.members.roleOf(team.organization_id, body.user_id, trx))) {
      throw new NotInOrganizationError('user_id');
    }
    if (!(await deps.teamMembers.add(trx, teamId, body.user_id, role))) {
      throw new AlreadyMemberError('user_id');
    }
    const data = { team_id: teamId, organization_id: team.organization_id, user_id: body.user_id, role };
    await deps.outbox.add(
      trx,
      TeamMemberAdded.create(data, { actor_id: callerId, org_id: team.organization_id }),
    );
  });
  return (await deps.teamMembers.get(teamId, body.user_id))!;
}

export async function changeTeamMemberRole(
  deps: UsersDeps,
  callerId: string,
  teamId: string,
  userId: string,
  role: TeamRole,
): Promise<TeamMember> {
  const team = await requireTeamManager(deps, callerId, teamId);
  await deps.outbox.transaction(deps.db, async (trx) => {
    const current = await deps.teamMembers.roleOf(teamId, userId, trx);
    if (!current) {
      throw new TeamMemberNotFoundError();
    }
    if (current === role) {
      return;
    }
    await deps.teamMembers.setRole(trx, teamId, userId, role);
    const data = { team_id: teamId, organization_id: team.organization_id, user_id: userId, role };
    await deps.outbox.add(
      trx,
      TeamMemberRoleChanged.create(data, { actor_id: callerId, org_id: team.organization_id }),
    );
  });
  return (await deps.teamMembers.get(teamId, userId))!;
}

/** Managers remove anyone; every member may leave. */
export async function removeTeamMember(
  deps: UsersDeps,
  callerId: string,
  teamId: string,
  userId: string,
): Promise<void> {
  const team =
    callerId === userId
      ? (await teamForMember(deps, callerId, teamId)).team
      : await requireTeamManager(deps, callerId, teamId);
  await deps.outbox.transaction(deps.db, async (trx) => {
    const role = await deps.teamMembers.roleOf(teamId, userId, trx);
    if (!role || !(await deps.teamMembers.remove(trx, teamId, userId))) {
      throw new TeamMemberNotFoundError();
    }
    const data = { team_id: teamId, organization_id: team.organization_id, user_id: userId, role };
    await deps.outbox.add(
      trx,
      TeamMemberRemoved.create(data, { actor_id: callerId, org_id: team.organization_id }),
    );
  });
}
