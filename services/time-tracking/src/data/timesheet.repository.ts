import { sql, type Kysely } from 'kysely';
import type { TimesheetStatus } from '../contract/timesheet-http.ts';
import { entryView, type EntryRow } from './entry-view.ts';
import { table, type Db, type TimeTrackingDatabase } from './time.tables.ts';

export interface SheetRow {
  id: string;
  organization_id: string;
  user_id: string;
  week_start_date: string;
  total_hours: number;
  status: TimesheetStatus;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  rejection_reason: string | null;
  version: number;
}

type HistoryAction = 'submitted' | 'approved' | 'rejected' | 'reopened';

export class TimesheetRepository {
  constructor(
    private readonly db: Kysely<TimeTrackingDatabase>,
    private readonly defaultLimitHours: number,
  ) {}

  private sheets(db: Db) {
    return db
      .selectFrom('timesheets')
      .select([
        'id',
        'organization_id',
        'user_id',
        sql<string>`to_char(week_start_date, 'YYYY-MM-DD')`.as('week_start_date'),
        sql<number>`total_hours::float8`.as('total_hours'),
        'status',
        'submitted_at',
        'approved_by',
        'approved_at',
        'rejection_reason',
        'version',
      ]);
  }

  async find(id: string, db: Db = this.db): Promise<SheetRow | undefined> {
    return this.sheets(db).where('id', '=', id).executeTakeFirst();
  }

  async findWeek(organizationId: string, userId: string, weekStart: string, db: Db = this.db) {
    return this.sheets(db)
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('week_start_date', '=', weekStart)
      .executeTakeFirst();
  }

  /** The person's entries whose start day falls in the seven days from `weekStart`. */
  async entriesOfWeek(
    organizationId: string,
    userId: string,
    weekStart: string,
    now: Date,
    db: Db = this.db,
  ) {
    const rows = await entryView(db, now, this.defaultLimitHours)
      .where('e.organization_id', '=', organizationId)
      .where('e.user_id', '=', userId)
      .where('e.entry_date', '>=', weekStart)
      .where(sql<boolean>`e.entry_date < ${weekStart}::date + 7`)
      .orderBy('e.start_time')
      .orderBy('e.id')
      .execute();
    return rows as unknown as EntryRow[];
  }

  async history(sheetId: string) {
    return this.db
      .selectFrom('timesheet_history')
      .select(['action', 'actor_id', 'reason', 'at'])
      .where('timesheet_id', '=', sheetId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /** Creates the week's row on first submission; answers its id. */
  async ensure(
    trx: Db,
    organizationId: string,
    userId: string,
    weekStart: string,
    now: Date,
  ): Promise<string> {
    await trx
      .insertInto('timesheets')
      .values({
        organization_id: organizationId,
        user_id: userId,
        week_start_date: weekStart,
        status: 'draft',
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id', 'week_start_date']).doNothing())
      .execute();
    const row = await trx
      .selectFrom('timesheets')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('week_start_date', '=', weekStart)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async lock(trx: Db, id: string): Promise<SheetRow | undefined> {
    await trx.selectFrom('timesheets').select('id').where('id', '=', id).forUpdate().execute();
    return this.find(id, trx);
  }

  async change(
    trx: Db,
    id: string,
    values: Partial<
      Pick<
        SheetRow,
        'status' | 'total_hours' | 'submitted_at' | 'approved_by' | 'approved_at' | 'rejection_reason'
      >
    >,
    now: Date,
  ): Promise<void> {
    await trx
      .updateTable('timesheets')
      .set({ ...values, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async record(
    trx: Db,
    sheetId: string,
    action: HistoryAction,
    actorId: string,
    reason: string | null,
    now: Date,
  ) {
    await trx
      .insertInto('timesheet_history')
      .values({ timesheet_id: sheetId, action, actor_id: actorId, reason, at: now })
      .execute();
  }

  /** Remembers which entries the timesheet held at this step. */
  async snapshot(trx: Db, sheetId: string, entryIds: string[]): Promise<void> {
    await trx.deleteFrom('timesheet_entries').where('timesheet_id', '=', sheetId).execute();
    if (entryIds.length > 0) {
      await trx
        .insertInto('timesheet_entries')
        .values(entryIds.map((id) => ({ timesheet_id: sheetId, time_entry_id: id })))
        .execute();
    }
  }

  /** Writes the rate in force onto each finished entry of the week that has none frozen yet. */
  async freezeRates(trx: Db, organizationId: string, userId: string, weekStart: string): Promise<void> {
    await sql`
      update ${table('time_entries')} e set (hourly_rate, currency) = (
        select r.rate, r.currency from ${table('hourly_rates')} r
        where r.organization_id = e.organization_id and r.user_id = e.user_id
          and (r.project_id = e.project_id or r.project_id is null) and r.effective_from <= e.entry_date
        order by r.project_id is null, r.effective_from desc
        limit 1)
      where e.organization_id = ${organizationId} and e.user_id = ${userId} and e.hourly_rate is null
        and e.end_time is not null and e.entry_date >= ${weekStart}::date and e.entry_date < ${weekStart}::date + 7`.execute(
      trx,
    );
  }

  /**
   * Timesheets the caller approves: every one of organizations they administer, and those of
   * others holding entries on projects where they are an explicit admin. Newest week first.
   */
  async listForApprover(
    callerId: string,
    filters: { organization_id?: string; user_id?: string; status?: TimesheetStatus },
    limit: number,
    after?: [string, string],
  ): Promise<SheetRow[]> {
    let query = this.sheets(this.db).where(sql<boolean>`(
      exists (select 1 from ${table('org_memberships')} om
        where om.organization_id = timesheets.organization_id and om.user_id = ${callerId} and om.role in ('owner', 'admin'))
      or (timesheets.user_id <> ${callerId} and exists (
        select 1 from ${table('time_entries')} e
        join ${table('project_memberships')} pm on pm.project_id = e.project_id and pm.user_id = ${callerId} and pm.role = 'admin'
        where e.organization_id = timesheets.organization_id and e.user_id = timesheets.user_id
          and e.entry_date >= timesheets.week_start_date and e.entry_date < timesheets.week_start_date + 7)))`);
    if (filters.organization_id) {
      query = query.where('organization_id', '=', filters.organization_id);
    }
    if (filters.user_id) {
      query = query.where('user_id', '=', filters.user_id);
    }
    if (filters.status) {
      query = query.where('status', '=', filters.status);
    }
    if (after) {
      query = query.where(sql<boolean>`(week_start_date, id) < (${after[0]}::date, ${after[1]}::uuid)`);
    }
    return query.orderBy('week_start_date', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
