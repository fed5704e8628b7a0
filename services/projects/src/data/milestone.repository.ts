import { toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { Milestone, MilestoneListQuery, MilestoneStatus } from '../contract/http.ts';
import { toDateString } from '../domain/dates.ts';
import { keysetAfter } from './keyset-cursor.ts';
import type { Db, MilestoneRow, ProjectsDatabase } from './projects.tables.ts';

export function toMilestone(row: MilestoneRow, today: string): Milestone {
  const dueDate = toDateString(row.due_date);
  return {
    id: row.id,
    project_id: row.project_id,
    title: row.title,
    description: row.description,
    due_date: dueDate,
    status: row.status,
    is_overdue: dueDate !== null && dueDate < today && row.status !== 'completed',
    version: row.version,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export interface MilestoneValues {
  project_id: string;
  title: string;
  description: string | null;
  due_date: string | null;
  status: MilestoneStatus;
}
type Changes = Partial<Omit<MilestoneValues, 'project_id'>>;

/** Undated milestones sort after every dated one. */
const sortDate = sql<string>`coalesce(due_date, 'infinity'::date)`;

export class MilestoneRepository {
  constructor(private readonly db: Kysely<ProjectsDatabase>) {}

  async find(projectId: string, id: string, db: Db = this.db): Promise<MilestoneRow | undefined> {
    return db
      .selectFrom('milestones')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async list(projectId: string, query: MilestoneListQuery, today: string): Promise<Page<Milestone>> {
    const limit = query.limit ?? 25;
    const after = keysetAfter<string>(query.cursor, 'date');
    let select = this.db.selectFrom('milestones').selectAll().where('project_id', '=', projectId);
    if (query.status) {
      select = select.where('status', '=', query.status);
    }
    if (after) {
      select = select.where(sql<boolean>`(${sortDate}, id) > (${after[0]}::date, ${after[1]}::uuid)`);
    }
    const rows = await select
      .orderBy(sortDate)
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => [toDateString(row.due_date) ?? 'infinity', row.id],
      (row) => toMilestone(row, today),
    );
  }

  /** Every milestone of a project, for templates and analytics. */
  async all(projectId: string, db: Db = this.db): Promise<MilestoneRow[]> {
    return db
      .selectFrom('milestones')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy(sortDate)
      .orderBy('id')
      .execute();
  }

  /** Milestones per status, and how many of them are overdue on `today`. */
  async countByStatus(
    projectId: string,
    today: string,
  ): Promise<{ status: MilestoneStatus; n: number; overdue: number }[]> {
    return this.db
      .selectFrom('milestones')
      .select([
        'status',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`(count(*) filter (where due_date < ${today}::date and status <> 'completed'))::int`.as(
          'overdue',
        ),
      ])
      .where('project_id', '=', projectId)
      .groupBy('status')
      .execute();
  }

  async insert(trx: Db, values: MilestoneValues[]): Promise<MilestoneRow[]> {
    if (values.length === 0) {
      return [];
    }
    return trx.insertInto('milestones').values(values).returningAll().execute();
  }

  async updateAtVersion(
    trx: Db,
    id: string,
    version: number,
    changes: Changes,
  ): Promise<MilestoneRow | undefined> {
    return trx
      .updateTable('milestones')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(trx: Db, id: string): Promise<MilestoneRow | undefined> {
    return trx.deleteFrom('milestones').where('id', '=', id).returningAll().executeTakeFirst();
  }
}
