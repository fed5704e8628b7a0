import type { Page } from '@pm/kernel';
import type { CreateTeamBody, OrgRole, Team, TeamListQuery, UpdateTeamBody } from '../contract/http.ts';
import { TeamCreated, TeamDeleted, TeamMemberAdded, TeamUpdated } from '../contract/events.ts';
import type { Db } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { TeamNotFoundError, VersionConflictError } from '../domain/users.errors.ts';
import { requireMember, requireOrgAdmin } from './access.ts';

/** The team and the caller's role in its organization; a 404 outside it. */
export async function teamForMember(
  deps: UsersDeps,
  callerId: string,
  teamId: string,
  db: Db = deps.db,
): Promise<{ team: Team; orgRole: OrgRole }> {
  const team = await deps.teams.find(teamId, db);
  const orgRole = team ? await deps.members.roleOf(team.organization_id, callerId, db) : undefined;
  if (!team || !orgRole) {
    throw new TeamNotFoundError();
  }
  return { team, orgRole };
}

function teamData(team: { id: string; organization_id: string; name: string; description: string | null }) {
  return {
    team_id: team.id,
    organization_id: team.organization_id,
    name: team.name,
    description: team.description,
  };
}

/** Owners and admins create teams; the creator becomes the first lead. */
export async function createTeam(deps: UsersDeps, callerId: string, body: CreateTeamBody): Promise<Team> {
  await requireOrgAdmin(deps, body.organization_id, callerId, deps.db, 'organization_id');
  const teamId = await deps.outbox.transaction(deps.db, async (trx) => {
    const row = await deps.teams.insert(trx, {
      organization_id: body.organization_id,
      name: body.name.trim(),
      description: body.description ?? null,
      owner_id: callerId,
    });
    await deps.teamMembers.add(trx, row.id, callerId, 'lead');
    const meta = { actor_id: callerId, org_id: row.organization_id };
    await deps.outbox.add(
      trx,
      TeamCreated.create(teamData(row), meta),
      TeamMemberAdded.create(
        { team_id: row.id, organization_id: row.organization_id, user_id: callerId, role: 'lead' },
        meta,
      ),
    );
    return row.id;
  });
  return (await deps.teams.find(teamId))!;
}

export async function getTeam(deps: UsersDeps, callerId: string, teamId: string): Promise<Team> {
  return (await teamForMember(deps, callerId, teamId)).team;
}

/** Teams of the caller's organizations (a named organization must be one of them). */
export async function listTeams(
  deps: UsersDeps,
  callerId: string,
  query: TeamListQuery,
): Promise<Page<Team>> {
  if (query.organization_id) {
    await requireMember(deps, query.organization_id, callerId, deps.db, 'organization_id');
  }
  return deps.teams.listVisible(callerId, query);
}

export async function updateTeam(
  deps: UsersDeps,
  callerId: string,
  teamId: string,
  body: UpdateTeamBody,
): Promise<Team> {
  const { team } = await teamForMember(deps, callerId, teamId);
  await requireOrgAdmin(deps, team.organization_id, callerId);
  await deps.outbox.transaction(deps.db, async (trx) => {
    const updated = await deps.teams.updateAtVersion(trx, teamId, body.version, {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
    });
    if (!updated) {
      throw new VersionConflictError('team', (await deps.teams.find(teamId, trx)) ?? null);
    }
    const latest = (await deps.teams.find(teamId, trx))!;
    await deps.outbox.add(
      trx,
      TeamUpdated.create(teamData(latest), { actor_id: callerId, org_id: team.organization_id }),
    );
  });
  return (await deps.teams.find(teamId))!;
}

/** Owners and admins; the memberships go with the team (announced by users.team.deleted alone). */
export async function deleteTeam(deps: UsersDeps, callerId: string, teamId: string): Promise<void> {
  const { team } = await teamForMember(deps, callerId, teamId);
  await requireOrgAdmin(deps, team.organization_id, callerId);
  await deps.outbox.transaction(deps.db, async (trx) => {
    if (!(await deps.teams.find(teamId, trx))) {
      throw new TeamNotFoundError();
    }
    await deps.teams.delete(trx, teamId);
    await deps.outbox.add(
      trx,
      TeamDeleted.create(
        { team_id: teamId, organization_id: team.organization_id },
        { actor_id: callerId, org_id: team.organization_id },
      ),
    );
  });
}
