import { toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { ProjectTemplate, TemplateData, TemplateListQuery } from '../contract/http.ts';
import { keysetAfter } from './keyset-cursor.ts';
import type { Db, ProjectsDatabase, TemplateRow } from './projects.tables.ts';

export function toTemplate(row: TemplateRow): ProjectTemplate {
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: row.description,
    template_data: row.template_data,
    created_by: row.created_by,
    source_project_id: row.source_project_id,
    created_at: row.created_at.toISOString(),
  };
}

export interface TemplateValues {
  organization_id: string;
  name: string;
  description: string | null;
  template_data: TemplateData;
  created_by: string;
  source_project_id: string | null;
}

export class TemplateRepository {
  constructor(private readonly db: Kysely<ProjectsDatabase>) {}

  async findById(id: string, db: Db = this.db): Promise<TemplateRow | undefined> {
    return db.selectFrom('project_templates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Templates of the organizations where the user may create projects (not guests). Keyset on (lower(name), id). */
  async listUsableBy(userId: string, query: TemplateListQuery): Promise<Page<ProjectTemplate>> {
    const limit = query.limit ?? 25;
    const after = keysetAfter<string>(query.cursor, 'text');
    let select = this.db
      .selectFrom('project_templates as t')
      .innerJoin('org_memberships as om', (join) =>
        join.onRef('om.organization_id', '=', 't.organization_id').on('om.user_id', '=', userId),
      )
      .selectAll('t')
      .select(sql<string>`lower(t.name)`.as('sort_name'))
      .where('om.role', 'in', ['owner', 'admin', 'member']);
    if (query.organization_id) {
      select = select.where('t.organization_id', '=', query.organization_id);
    }
    if (after) {
      select = select.where(sql<boolean>`(lower(t.name), t.id) > (${after[0]}, ${after[1]}::uuid)`);
    }
    const rows = await select
      .orderBy(sql`lower(t.name)`)
      .orderBy('t.id')
      .limit(limit + 1)
      .execute();
    return toPage(rows, limit, (row) => [row.sort_name, row.id], toTemplate);
  }

  async insert(trx: Db, values: TemplateValues): Promise<TemplateRow> {
    return trx
      .insertInto('project_templates')
      .values({ ...values, template_data: JSON.stringify(values.template_data) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('project_templates').where('id', '=', id).execute();
  }
}
