import { toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { MemberListQuery, ProjectMember, ProjectRole } from '../contract/http.ts';
import { keysetAfter } from './keyset-cursor.ts';
import type { Db, MemberRow, ProjectsDatabase } from './projects.tables.ts';

export function toMember(row: MemberRow): ProjectMember {
  return {
    project_id: row.project_id,
    user_id: row.user_id,
    role: row.role,
    joined_at: row.joined_at.toISOString(),
  };
}

/** Admins first, then members, then viewers. */
const roleRank = sql<number>`case role when 'admin' then 0 when 'member' then 1 else 2 end`;

export class MemberRepository {
  constructor(private readonly db: Kysely<ProjectsDatabase>) {}

  async find(projectId: string, userId: string, db: Db = this.db): Promise<MemberRow | undefined> {
    return db
      .selectFrom('project_members')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  async list(projectId: string, query: MemberListQuery): Promise<Page<ProjectMember>> {
    const limit = query.limit ?? 25;
    const after = keysetAfter<number>(query.cursor, 'number');
    let select = this.db
      .selectFrom('project_members')
      .selectAll()
      .select(roleRank.as('rank'))
      .where('project_id', '=', projectId);
    if (query.role) {
      select = select.where('role', '=', query.role);
    }
    if (after) {
      select = select.where(sql<boolean>`(${roleRank}, user_id) > (${after[0]}, ${after[1]}::uuid)`);
    }
    const rows = await select
      .orderBy(roleRank)
      .orderBy('user_id')
      .limit(limit + 1)
      .execute();
    return toPage(rows, limit, (row) => [row.rank, row.user_id], toMember);
  }

  async insert(
    trx: Db,
    values: { project_id: string; user_id: string; role: ProjectRole },
  ): Promise<MemberRow> {
    return trx.insertInto('project_members').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async updateRole(trx: Db, projectId: string, userId: string, role: ProjectRole): Promise<MemberRow> {
    return trx
      .updateTable('project_members')
      .set({ role })
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(trx: Db, projectId: string, userId: string): Promise<void> {
    await trx
      .deleteFrom('project_members')
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countAdmins(trx: Db, projectId: string): Promise<number> {
    const row = await trx
      .selectFrom('project_members')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('project_id', '=', projectId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async countByRole(projectId: string): Promise<{ role: ProjectRole; n: number }[]> {
    return this.db
      .selectFrom('project_members')
      .select(['role', sql<number>`count(*)::int`.as('n')])
      .where('project_id', '=', projectId)
      .groupBy('role')
      .execute();
  }

  /** Drops the user's memberships in every project of the organization; returns the project ids. */
  async deleteInOrganization(trx: Db, organizationId: string, userId: string): Promise<string[]> {
    const rows = await trx
      .deleteFrom('project_members')
      .where('user_id', '=', userId)
      .where(
        'project_id',
        'in',
        trx.selectFrom('projects').select('id').where('organization_id', '=', organizationId),
      )
      .returning('project_id')
      .execute();
    return rows.map((row) => row.project_id);
  }
}
