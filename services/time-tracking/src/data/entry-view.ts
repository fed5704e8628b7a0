import { sql, type Expression, type SqlBool } from 'kysely';
import type { TimeEntry } from '../contract/http.ts';
import { table, type Db } from './time.tables.ts';

/** A row of the entry view, with the project's name for exports. */
export type EntryRow = TimeEntry & { project_name: string | null; task_title: string | null };

/**
 * Entries as the API shows them: the task key, the rate (frozen, else the one in force on the
 * entry's day: project-specific before the person's default, newest effective date first), the
 * amount, whether an approved timesheet holds the week, and the long-running flag.
 */
export function entryView(db: Db, now: Date, defaultLimitHours: number) {
  return db
    .selectFrom('time_entries as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .leftJoin('projects as p', 'p.id', 'e.project_id')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('hourly_rates as r')
          .select(['r.rate', 'r.currency'])
          .whereRef('r.organization_id', '=', 'e.organization_id')
          .whereRef('r.user_id', '=', 'e.user_id')
          .where((w) => w.or([w('r.project_id', '=', w.ref('e.project_id')), w('r.project_id', 'is', null)]))
          .whereRef('r.effective_from', '<=', 'e.entry_date')
          .orderBy(sql`r.project_id is null`)
          .orderBy('r.effective_from', 'desc')
          .limit(1)
          .as('r'),
      (join) => join.onTrue(),
    )
    .select([
      'e.id',
      'e.organization_id',
      'e.user_id',
      'e.project_id',
      'e.task_id',
      't.key as task_key',
      't.title as task_title',
      'p.name as project_name',
      'e.description',
      'e.start_time',
      'e.end_time',
      'e.duration_minutes',
      sql<string>`to_char(e.entry_date, 'YYYY-MM-DD')`.as('entry_date'),
      'e.time_zone',
      'e.billable',
      sql<number | null>`coalesce(e.hourly_rate, r.rate)::float8`.as('hourly_rate'),
      sql<string | null>`case when e.hourly_rate is not null then e.currency else r.currency end`.as(
        'currency',
      ),
      sql<boolean>`e.hourly_rate is not null`.as('rate_frozen'),
      sql<number | null>`case when e.billable and e.duration_minutes is not null
        then round(e.duration_minutes * coalesce(e.hourly_rate, r.rate) / 60.0, 2)::float8 end`.as('amount'),
      sql<boolean>`${isApproved()}`.as('approved'),
      sql<boolean>`e.end_time is null`.as('is_running'),
      sql<boolean>`e.end_time is null and (e.flagged_long_running_at is not null or e.start_time <= ${now}::timestamptz
        - make_interval(hours => coalesce(o.timer_limit_hours, ${defaultLimitHours})))`.as(
        'flagged_long_running',
      ),
      'e.version',
      'e.created_at',
      'e.updated_at',
    ]);
}

/** An approved timesheet of the entry's person and organization covers its day. */
export function isApproved(): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from ${table('timesheets')} ts
    where ts.organization_id = e.organization_id and ts.user_id = e.user_id and ts.status = 'approved'
      and e.entry_date >= ts.week_start_date and e.entry_date < ts.week_start_date + 7)`;
}

/**
 * Entries the caller may see: their own, every entry of organizations they own or administer, and
 * entries on projects where they are an explicit admin (while still in the organization).
 */
export function visibleTo(userId: string): Expression<SqlBool> {
  return sql<SqlBool>`(e.user_id = ${userId}
    or exists (
      select 1 from ${table('org_memberships')} om
      where om.organization_id = e.organization_id and om.user_id = ${userId} and om.role in ('owner', 'admin'))
    or exists (
      select 1 from ${table('project_memberships')} pm
      join ${table('org_memberships')} om on om.organization_id = e.organization_id and om.user_id = pm.user_id
      where pm.project_id = e.project_id and pm.user_id = ${userId} and pm.role = 'admin' and om.role is not null))`;
}
