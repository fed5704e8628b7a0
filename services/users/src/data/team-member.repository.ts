import { decodeCursor, toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { TeamMember, TeamMemberListQuery, TeamRole } from '../contract/http.ts';
import { personColumns, toUserSummary, type PersonRow } from './person.ts';
import type { Db, UsersDatabase } from './users.tables.ts';

interface TeamMemberRow extends PersonRow {
  team_id: string;
  user_id: string;
  role: TeamRole;
  joined_at: Date;
}

function toTeamMember(row: TeamMemberRow): TeamMember {
  return {
    team_id: row.team_id,
    user_id: row.user_id,
    role: row.role,
    joined_at: row.joined_at.toISOString(),
    user: toUserSummary(row.user_id, row),
  };
}

/** A team membership together with the team's organization, for events. */
export interface TeamMembership {
  team_id: string;
  organization_id: string;
  user_id: string;
  role: TeamRole;
}

export class TeamMemberRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  private withPeople(db: Db) {
    return db
      .selectFrom('team_members as tm')
      .leftJoin('user_directory as d', 'd.user_id', 'tm.user_id')
      .leftJoin('user_profiles as p', 'p.user_id', 'tm.user_id')
      .select(['tm.team_id', 'tm.user_id', 'tm.role', 'tm.joined_at', ...personColumns])
      .select(sql<string>`coalesce(lower(d.username), '')`.as('sort_name'));
  }

  async roleOf(teamId: string, userId: string, db: Db = this.db): Promise<TeamRole | undefined> {
    const row = await db
      .selectFrom('team_members')
      .select('role')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  }

  async get(teamId: string, userId: string, db: Db = this.db): Promise<TeamMember | undefined> {
    const row = await this.withPeople(db)
      .where('tm.team_id', '=', teamId)
      .where('tm.user_id', '=', userId)
      .executeTakeFirst();
    return row ? toTeamMember(row) : undefined;
  }

  /** False when the person was in the team already. */
  async add(trx: Db, teamId: string, userId: string, role: TeamRole): Promise<boolean> {
    const row = await trx
      .insertInto('team_members')
      .values({ team_id: teamId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async setRole(trx: Db, teamId: string, userId: string, role: TeamRole): Promise<void> {
    await trx
      .updateTable('team_members')
      .set({ role })
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .execute();
  }

  async remove(trx: Db, teamId: string, userId: string): Promise<boolean> {
    const row = await trx
      .deleteFrom('team_members')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Keyset on (lower(username), user_id). */
  async list(teamId: string, query: TeamMemberListQuery): Promise<Page<TeamMember>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    let select = this.withPeople(this.db).where('tm.team_id', '=', teamId);
    if (after) {
      select = select.where(
        sql<boolean>`(coalesce(lower(d.username), ''), tm.user_id) > (${String(after[0])}, ${String(after[1])}::uuid)`,
      );
    }
    const rows = await select
      .orderBy(sql`coalesce(lower(d.username), '')`)
      .orderBy('tm.user_id')
      .limit(limit + 1)
      .execute();
    return toPage(rows, limit, (row) => [row.sort_name, row.user_id], toTeamMember);
  }

  /** Every team membership of the user; within one organization when `organizationId` is given. */
  async membershipsOf(trx: Db, userId: string, organizationId?: string): Promise<TeamMembership[]> {
    let select = trx
      .selectFrom('team_members as tm')
      .innerJoin('teams as t', 't.id', 'tm.team_id')
      .select(['tm.team_id', 't.organization_id', 'tm.user_id', 'tm.role'])
      .where('tm.user_id', '=', userId);
    if (organizationId) {
      select = select.where('t.organization_id', '=', organizationId);
    }
    return select.orderBy('tm.team_id').execute();
  }

  /** Removes memberships found by `membershipsOf`; the caller announces each. */
  async removeAll(trx: Db, memberships: TeamMembership[]): Promise<void> {
    for (const membership of memberships) {
      await this.remove(trx, membership.team_id, membership.user_id);
    }
  }
}
