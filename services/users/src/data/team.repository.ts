import { decodeCursor, toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { Team, TeamListQuery, UserTeam, UserTeamListQuery } from '../contract/http.ts';
import { containsPattern } from './person.ts';
import type { Db, TeamRow, UsersDatabase } from './users.tables.ts';

type TeamWithCount = TeamRow & { member_count: number | null };

export function toTeam(row: TeamWithCount): Team {
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: row.description,
    owner_id: row.owner_id,
    member_count: row.member_count ?? 0,
    version: row.version,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const sortName = sql<string>`lower(t.name)`;
const afterName = (after: (string | number | boolean | null)[]) =>
  sql<boolean>`(lower(t.name), t.id) > (${String(after[0])}, ${String(after[1])}::uuid)`;

export interface TeamValues {
  name: string;
  description: string | null;
}

/** Teams; their memberships live in TeamMemberRepository. */
export class TeamRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  private withCount(db: Db) {
    // A builder subquery, not raw SQL: raw table names would miss the service's schema.
    return db
      .selectFrom('teams as t')
      .selectAll('t')
      .select((eb) => [
        eb
          .selectFrom('team_members as tm')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('tm.team_id', '=', 't.id')
          .as('member_count'),
        sortName.as('sort_name'),
      ]);
  }

  async find(id: string, db: Db = this.db): Promise<Team | undefined> {
    const row = await this.withCount(db).where('t.id', '=', id).executeTakeFirst();
    return row ? toTeam(row) : undefined;
  }

  async insert(
    trx: Db,
    values: TeamValues & { organization_id: string; owner_id: string },
  ): Promise<TeamRow> {
    return trx.insertInto('teams').values(values).returningAll().executeTakeFirstOrThrow();
  }

  /** Applies changes only if the row is still at `version`; undefined means someone else won. */
  async updateAtVersion(
    trx: Db,
    id: string,
    version: number,
    changes: Partial<TeamValues>,
  ): Promise<boolean> {
    const row = await trx
      .updateTable('teams')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('teams').where('id', '=', id).execute();
  }

  /** Teams of the organizations the caller belongs to. Keyset on (lower(name), id). */
  async listVisible(callerId: string, query: TeamListQuery): Promise<Page<Team>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    let select = this.withCount(this.db).where((eb) =>
      eb.exists(
        eb
          .selectFrom('organization_members as m')
          .select(sql`1`.as('one'))
          .whereRef('m.organization_id', '=', 't.organization_id')
          .where('m.user_id', '=', callerId),
      ),
    );
    if (query.organization_id) {
      select = select.where('t.organization_id', '=', query.organization_id);
    }
    if (query.q) {
      select = select.where('t.name', 'ilike', containsPattern(query.q));
    }
    if (after) {
      select = select.where(afterName(after));
    }
    const rows = await select
      .orderBy(sortName)
      .orderBy('t.id')
      .limit(limit + 1)
      .execute();
    return toPage(rows, limit, (row) => [row.sort_name, row.id], toTeam);
  }

  /** Teams `userId` is in, limited to the organizations the caller belongs to. */
  async listOfUser(userId: string, callerId: string, query: UserTeamListQuery): Promise<Page<UserTeam>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    let select = this.withCount(this.db)
      .innerJoin('team_members as tm2', 'tm2.team_id', 't.id')
      .select('tm2.role as role')
      .where('tm2.user_id', '=', userId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('organization_members as m')
            .select(sql`1`.as('one'))
            .whereRef('m.organization_id', '=', 't.organization_id')
            .where('m.user_id', '=', callerId),
        ),
      );
    if (after) {
      select = select.where(afterName(after));
    }
    const rows = await select
      .orderBy(sortName)
      .orderBy('t.id')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => [row.sort_name, row.id],
      (row) => ({ ...toTeam(row), role: row.role }),
    );
  }
}
