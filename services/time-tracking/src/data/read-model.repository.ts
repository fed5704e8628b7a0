import { saveIfNewer } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { WeekStart } from '../domain/calendar.ts';
import type { OrgRole, ProjectRole } from '../domain/time-access.ts';
import type { Db, TimeTrackingDatabase } from './time.tables.ts';

export interface OrganizationSettings {
  week_start: WeekStart;
  allow_overlapping_time_entries: boolean;
  timer_limit_hours: number | null;
}

const DEFAULT_SETTINGS: OrganizationSettings = {
  week_start: 'monday',
  allow_overlapping_time_entries: false,
  timer_limit_hours: null,
};

export interface ProjectAccess {
  id: string;
  organization_id: string;
  status: string;
  orgRole: OrgRole | null;
  memberRole: ProjectRole | null;
}

/** Local copies of what other services own (projects, memberships, settings, zones, tasks). */
export class ReadModelRepository {
  constructor(private readonly db: Kysely<TimeTrackingDatabase>) {}

  async orgRole(userId: string, organizationId: string, db: Db = this.db): Promise<OrgRole | null> {
    const row = await db
      .selectFrom('org_memberships')
      .select('role')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role ?? null;
  }

  /** Organizations the user belongs to, oldest membership event first. */
  async organizationsOf(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('org_memberships')
      .select('organization_id')
      .where('user_id', '=', userId)
      .where('role', 'is not', null)
      .orderBy('updated_at')
      .execute();
    return rows.map((row) => row.organization_id);
  }

  async projectAccess(
    userId: string,
    projectId: string,
    db: Db = this.db,
  ): Promise<ProjectAccess | undefined> {
    const row = await db
      .selectFrom('projects as p')
      .leftJoin('org_memberships as om', (join) =>
        join.onRef('om.organization_id', '=', 'p.organization_id').on('om.user_id', '=', userId),
      )
      .leftJoin('project_memberships as pm', (join) =>
        join.onRef('pm.project_id', '=', 'p.id').on('pm.user_id', '=', userId),
      )
      .select(['p.id', 'p.organization_id', 'p.status', 'om.role as org_role', 'pm.role as member_role'])
      .where('p.id', '=', projectId)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) {
      return undefined;
    }
    const { org_role: orgRole, member_role: memberRole, ...project } = row;
    return { ...project, orgRole: orgRole ?? null, memberRole: memberRole ?? null };
  }

  /** Projects in which the user is an explicit admin (they approve time logged there). */
  async adminProjectIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('project_memberships')
      .select('project_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'admin')
      .execute();
    return rows.map((row) => row.project_id);
  }

  async task(taskId: string, db: Db = this.db) {
    return db
      .selectFrom('tasks')
      .select(['id', 'project_id', 'organization_id', 'key', 'title'])
      .where('id', '=', taskId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  async settings(organizationId: string, db: Db = this.db): Promise<OrganizationSettings> {
    const row = await db
      .selectFrom('organizations')
      .select(['week_start', 'allow_overlapping_time_entries', 'timer_limit_hours'])
      .where('id', '=', organizationId)
      .executeTakeFirst();
    return row ?? DEFAULT_SETTINGS;
  }

  async timeZone(userId: string, db: Db = this.db): Promise<string | null> {
    const row = await db
      .selectFrom('user_profiles')
      .select('timezone')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.timezone ?? null;
  }

  // ---- writes from events (newer wins) ----

  saveProject(
    trx: Db,
    project: { id: string; organization_id: string; name: string; key: string; status: string },
    at: Date,
    deleted: boolean,
  ) {
    const values = { ...project, deleted_at: deleted ? at : null, updated_at: at };
    return saveIfNewer(trx, 'projects', ['id'], values, ['deleted_at']);
  }

  saveProjectMember(trx: Db, projectId: string, userId: string, role: ProjectRole | null, at: Date) {
    const values = { project_id: projectId, user_id: userId, role, updated_at: at };
    return saveIfNewer(trx, 'project_memberships', ['project_id', 'user_id'], values);
  }

  saveOrgMember(trx: Db, organizationId: string, userId: string, role: OrgRole | null, at: Date) {
    const values = { organization_id: organizationId, user_id: userId, role, updated_at: at };
    return saveIfNewer(trx, 'org_memberships', ['organization_id', 'user_id'], values);
  }

  saveOrganization(trx: Db, id: string, settings: OrganizationSettings, at: Date) {
    return saveIfNewer(trx, 'organizations', ['id'], { id, ...settings, updated_at: at });
  }

  saveTimeZone(trx: Db, userId: string, timezone: string | null, at: Date) {
    return saveIfNewer(trx, 'user_profiles', ['user_id'], { user_id: userId, timezone, updated_at: at });
  }

  saveTask(
    trx: Db,
    task: { id: string; organization_id: string; project_id: string; key: string; title: string },
    at: Date,
    deleted: boolean,
  ) {
    const values = { ...task, deleted_at: deleted ? at : null, updated_at: at };
    return saveIfNewer(trx, 'tasks', ['id'], values, ['deleted_at']);
  }
}
