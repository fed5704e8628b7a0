import { toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { Project, ProjectListQuery, ProjectRole, ProjectStatus } from '../contract/http.ts';
import { toDateString } from '../domain/dates.ts';
import { keysetAfter } from './keyset-cursor.ts';
import type { Db, ProjectRow, ProjectsDatabase } from './projects.tables.ts';

export function toProject(row: ProjectRow, myRole: ProjectRole): Project {
  return {
    id: row.id,
    organization_id: row.organization_id,
    key: row.key,
    name: row.name,
    description: row.description,
    status: row.status,
    start_date: toDateString(row.start_date),
    end_date: toDateString(row.end_date),
    owner_id: row.owner_id,
    team_id: row.team_id,
    settings: row.settings,
    version: row.version,
    archived_at: row.archived_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    my_role: myRole,
  };
}

/**
 * The caller's effective role, in SQL so lists filter and paginate in the database. It must agree
 * with `effectiveProjectRole` (domain/project-role.ts): org owner/admin → admin; else the explicit
 * membership; else org member → viewer; not in the organization → null (no access).
 */
const myRole = sql<ProjectRole | null>`case
  when om.role is null then null
  when om.role in ('owner', 'admin') then 'admin'
  when pm.role is not null then pm.role
  when om.role = 'member' then 'viewer'
end`;

/** Columns a new project is written with; `settings` as JSON text. */
export interface ProjectValues {
  organization_id: string;
  key: string;
  name: string;
  description: string | null;
  status: ProjectStatus;
  start_date: string | null;
  end_date: string | null;
  owner_id: string;
  team_id: string | null;
  settings: string;
}
/** Organization and key never change: task keys are built from the key. */
type Changes = Partial<Omit<ProjectValues, 'organization_id' | 'key'>>;

export class ProjectRepository {
  constructor(private readonly db: Kysely<ProjectsDatabase>) {}

  /** Projects the user can see, with their role on each. */
  private visibleTo(db: Db, userId: string) {
    return db
      .selectFrom('projects as p')
      .leftJoin('org_memberships as om', (join) =>
        join.onRef('om.organization_id', '=', 'p.organization_id').on('om.user_id', '=', userId),
      )
      .leftJoin('project_members as pm', (join) =>
        join.onRef('pm.project_id', '=', 'p.id').on('pm.user_id', '=', userId),
      )
      .selectAll('p')
      .select([myRole.as('my_role'), sql<string>`lower(p.name)`.as('sort_name')])
      .where(myRole, 'is not', null);
  }

  async findVisible(userId: string, id: string, db: Db = this.db): Promise<Project | undefined> {
    const row = await this.visibleTo(db, userId).where('p.id', '=', id).executeTakeFirst();
    return row ? toProject(row, row.my_role!) : undefined;
  }

  async findById(id: string, db: Db = this.db): Promise<ProjectRow | undefined> {
    return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Without a status filter archived projects are left out. Keyset on (lower(name), id). */
  async listVisible(userId: string, query: ProjectListQuery): Promise<Page<Project>> {
    const limit = query.limit ?? 25;
    const after = keysetAfter<string>(query.cursor, 'text');
    let select = this.visibleTo(this.db, userId);
    if (query.organization_id) {
      select = select.where('p.organization_id', '=', query.organization_id);
    }
    select = query.status
      ? select.where('p.status', '=', query.status)
      : select.where('p.status', '!=', 'archived');
    if (query.team_id) {
      select = select.where('p.team_id', '=', query.team_id);
    }
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.key', 'ilike', pattern)]));
    }
    if (after) {
      select = select.where(sql<boolean>`(lower(p.name), p.id) > (${after[0]}, ${after[1]}::uuid)`);
    }
    const rows = await select
      .orderBy(sql`lower(p.name)`)
      .orderBy('p.id')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => [row.sort_name, row.id],
      (row) => toProject(row, row.my_role!),
    );
  }

  /** Keys of the organization that start with `letter`: candidates a derived key must avoid. */
  async keysStartingWith(trx: Db, organizationId: string, letter: string): Promise<Set<string>> {
    const rows = await trx
      .selectFrom('projects')
      .select('key')
      .where('organization_id', '=', organizationId)
      .where('key', 'like', `${letter}%`)
      .execute();
    return new Set(rows.map((row) => row.key));
  }

  async insert(trx: Db, values: ProjectValues): Promise<ProjectRow> {
    return trx.insertInto('projects').values(values).returningAll().executeTakeFirstOrThrow();
  }

  /** Applies changes only if the row is still at `version`; undefined means someone else won. */
  async updateAtVersion(
    trx: Db,
    id: string,
    version: number,
    changes: Changes,
  ): Promise<ProjectRow | undefined> {
    return trx
      .updateTable('projects')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Undefined when it was archived already (a concurrent archive won). */
  async archive(trx: Db, id: string): Promise<ProjectRow | undefined> {
    return trx
      .updateTable('projects')
      .set({
        status_before_archive: sql`status`,
        status: 'archived',
        archived_at: sql`now()`,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('status', '!=', 'archived')
      .returningAll()
      .executeTakeFirst();
  }

  /** Undefined when it was not archived (a concurrent restore won). */
  async restore(trx: Db, id: string): Promise<ProjectRow | undefined> {
    return trx
      .updateTable('projects')
      .set({
        status: sql`coalesce(status_before_archive, 'active')`,
        status_before_archive: null,
        archived_at: null,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'archived')
      .returningAll()
      .executeTakeFirst();
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('projects').where('id', '=', id).execute();
  }

  /** Locks the project row for the rest of the transaction; member and milestone writes queue behind it. */
  async lock(trx: Db, id: string): Promise<ProjectStatus | undefined> {
    const row = await trx
      .selectFrom('projects')
      .select('status')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row?.status;
  }
}
