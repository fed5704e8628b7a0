import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { TaskTemplate, TaskTemplateData } from '../contract/http-templates.ts';
import type { OrgRole } from '../domain/task-access.ts';
import type { TaskTemplatesTable } from './templates-attachments-views.tables.ts';
import type { Db, TasksDatabase } from './tasks.tables.ts';

export interface NewTaskTemplate {
  organization_id: string;
  project_id: string | null;
  name: string;
  description: string | null;
  template_data: TaskTemplateData;
  created_by: string;
}

export type TaskTemplateChanges = Partial<Pick<NewTaskTemplate, 'name' | 'description' | 'template_data'>>;

/** Which templates of one organization a list shows. */
export interface TemplateScope {
  organizationId: string;
  /** Set: templates usable in this project (its own and the organization's). */
  projectId?: string;
  /** Without `projectId`: the caller, whose visible projects' templates are listed too. */
  userId: string;
  orgRole: OrgRole;
}

type TemplateFrom = TasksDatabase & { tt: TasksDatabase['task_templates'] };

function toTaskTemplate(row: Selectable<TaskTemplatesTable>): TaskTemplate {
  return {
    ...row,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/**
 * Organization templates, plus those of the one project of the scope, or else of every live project
 * the caller sees (ADR 0002: organization owners, admins and members see all; guests their own).
 */
function inScope(scope: TemplateScope) {
  return (eb: ExpressionBuilder<TemplateFrom, 'tt'>) => {
    if (scope.projectId) {
      return eb.or([eb('tt.project_id', 'is', null), eb('tt.project_id', '=', scope.projectId)]);
    }
    let visible = eb
      .selectFrom('projects as p')
      .select('p.id')
      .whereRef('p.id', '=', 'tt.project_id')
      .where('p.deleted_at', 'is', null);
    if (scope.orgRole === 'guest') {
      visible = visible.where((inner) =>
        inner.exists(
          inner
            .selectFrom('project_memberships as pm')
            .select('pm.user_id')
            .whereRef('pm.project_id', '=', 'p.id')
            .where('pm.user_id', '=', scope.userId)
            .where('pm.role', 'is not', null),
        ),
      );
    }
    return eb.or([eb('tt.project_id', 'is', null), eb.exists(visible)]);
  };
}

/** Task templates (`task_templates`); lists are keyset-paginated on (lower(name), id). */
export class TaskTemplateRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  async findById(id: string): Promise<TaskTemplate | undefined> {
    const row = await this.db
      .selectFrom('task_templates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTaskTemplate(row) : undefined;
  }

  async insert(trx: Db, values: NewTaskTemplate, now: Date): Promise<TaskTemplate> {
    const row = await trx
      .insertInto('task_templates')
      .values({
        ...values,
        template_data: JSON.stringify(values.template_data),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTaskTemplate(row);
  }

  async update(trx: Db, id: string, changes: TaskTemplateChanges, now: Date): Promise<TaskTemplate> {
    const { template_data: data, ...rest } = changes;
    const row = await trx
      .updateTable('task_templates')
      .set({ ...rest, ...(data ? { template_data: JSON.stringify(data) } : {}), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTaskTemplate(row);
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('task_templates').where('id', '=', id).execute();
  }

  /** One page (`limit + 1` rows) of the scope's templates after the (lower(name), id) cursor. */
  async list(
    scope: TemplateScope,
    limit: number,
    after: [string | number, string] | undefined,
  ): Promise<(TaskTemplate & { sort_name: string })[]> {
    let query = this.db
      .selectFrom('task_templates as tt')
      .selectAll('tt')
      .select(sql<string>`lower(tt.name)`.as('sort_name'))
      .where('tt.organization_id', '=', scope.organizationId)
      .where(inScope(scope));
    if (after) {
      query = query.where(sql<boolean>`(lower(tt.name), tt.id) > (${String(after[0])}, ${after[1]}::uuid)`);
    }
    const rows = await query
      .orderBy(sql`lower(tt.name)`)
      .orderBy('tt.id')
      .limit(limit + 1)
      .execute();
    return rows.map(({ sort_name: sortName, ...row }) => ({ ...toTaskTemplate(row), sort_name: sortName }));
  }

  async orgRole(organizationId: string, userId: string): Promise<OrgRole | null> {
    const row = await this.db
      .selectFrom('org_memberships')
      .select('role')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role ?? null;
  }
}
