import { sql, type Kysely } from 'kysely';
import type { TaskTotal } from '../contract/events.ts';
import type { EntryFilters } from '../contract/http.ts';
import type { OverlappedEntry } from '../domain/time.errors.ts';
import { entryView, isApproved, visibleTo, type EntryRow } from './entry-view.ts';
import type { Db, TimeTrackingDatabase } from './time.tables.ts';

/** Columns a write sets. */
export interface EntryValues {
  organization_id: string;
  user_id: string;
  project_id: string | null;
  task_id: string | null;
  description: string | null;
  start_time: Date;
  end_time: Date | null;
  duration_minutes: number | null;
  entry_date: string;
  time_zone: string;
  billable: boolean;
}

export type EntryFilterValues = Omit<EntryFilters, 'user_id' | 'organization_id'> & {
  user_id?: string;
  organization_id?: string;
};

export class EntryRepository {
  constructor(
    private readonly db: Kysely<TimeTrackingDatabase>,
    private readonly defaultLimitHours: number,
  ) {}

  view(now: Date, db: Db = this.db) {
    return entryView(db, now, this.defaultLimitHours);
  }

  async find(id: string, now: Date, db: Db = this.db): Promise<EntryRow | undefined> {
    return (await this.view(now, db).where('e.id', '=', id).executeTakeFirst()) as unknown as
      EntryRow | undefined;
  }

  /** Visible entries matching the filters, newest start first, keyset after (start_time, id). */
  async list(
    viewerId: string,
    filters: EntryFilterValues,
    now: Date,
    page: { limit: number; after?: [string, string] | undefined },
  ): Promise<EntryRow[]> {
    let query = this.view(now).where(visibleTo(viewerId));
    query = applyFilters(query, filters);
    if (page.after) {
      const [start, id] = page.after;
      query = query.where(sql<boolean>`(e.start_time, e.id) < (${start}::timestamptz, ${id}::uuid)`);
    }
    const rows = await query
      .orderBy('e.start_time', 'desc')
      .orderBy('e.id', 'desc')
      .limit(page.limit)
      .execute();
    return rows as unknown as EntryRow[];
  }

  /** Serializes the writes of one person's entries, so overlap checks see each other. */
  async lockPerson(trx: Db, userId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`time_tracking:person:${userId}`}))`.execute(trx);
  }

  async running(trx: Db, userId: string) {
    return trx
      .selectFrom('time_entries')
      .selectAll()
      .where('user_id', '=', userId)
      .where('end_time', 'is', null)
      .executeTakeFirst();
  }

  async raw(trx: Db, id: string) {
    return trx.selectFrom('time_entries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The first other entry of the person whose time meets [start, end) (end null: still running). */
  async overlapping(
    trx: Db,
    userId: string,
    start: Date,
    end: Date | null,
    exceptId?: string,
  ): Promise<OverlappedEntry | undefined> {
    let query = trx
      .selectFrom('time_entries')
      .select(['id', 'start_time', 'end_time'])
      .where('user_id', '=', userId)
      .where(sql<boolean>`coalesce(end_time, 'infinity'::timestamptz) > ${start}`);
    if (end) {
      query = query.where('start_time', '<', end);
    }
    if (exceptId) {
      query = query.where('id', '!=', exceptId);
    }
    return query.orderBy('start_time').limit(1).executeTakeFirst();
  }

  /** The approved timesheet whose week holds `date` for this person, if any. */
  async approvedSheetOn(trx: Db, organizationId: string, userId: string, date: string) {
    return trx
      .selectFrom('timesheets')
      .select(['id', sql<string>`to_char(week_start_date, 'YYYY-MM-DD')`.as('week_start_date')])
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('status', '=', 'approved')
      .where('week_start_date', '<=', date)
      .where(sql<boolean>`week_start_date + 7 > ${date}::date`)
      .executeTakeFirst();
  }

  async insert(trx: Db, values: EntryValues, now: Date): Promise<string> {
    const row = await trx
      .insertInto('time_entries')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Db, id: string, values: Partial<EntryValues>, now: Date) {
    await trx
      .updateTable('time_entries')
      .set({ ...values, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('time_entries').where('id', '=', id).execute();
  }

  /**
   * Recounts a task's finished minutes. The upsert takes the row lock first, so concurrent changes
   * of one task count one after the other, each seeing the last, and `seq` orders them.
   */
  async recountTask(trx: Db, taskId: string): Promise<TaskTotal> {
    const { seq } = await trx
      .insertInto('task_totals')
      .values({ task_id: taskId, total_minutes: 0, seq: 1 })
      .onConflict((oc) => oc.column('task_id').doUpdateSet({ seq: sql`task_totals.seq + 1` }))
      .returning('seq')
      .executeTakeFirstOrThrow();
    const { total } = await trx
      .selectFrom('time_entries')
      .select(sql<number>`coalesce(sum(duration_minutes), 0)::int`.as('total'))
      .where('task_id', '=', taskId)
      .where('end_time', 'is not', null)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('task_totals')
      .set({ total_minutes: total })
      .where('task_id', '=', taskId)
      .execute();
    return { task_id: taskId, total_minutes: total, seq: Number(seq) };
  }
}

/** The list and analytics filters; dates compare with the entry's local start day. */
export function applyFilters<Q extends ReturnType<typeof entryView>>(
  query: Q,
  filters: EntryFilterValues,
): Q {
  let q = query;
  const eq = (column: 'e.organization_id' | 'e.user_id' | 'e.project_id' | 'e.task_id', value?: string) => {
    if (value !== undefined) {
      q = q.where(column, '=', value) as Q;
    }
  };
  eq('e.organization_id', filters.organization_id);
  eq('e.user_id', filters.user_id);
  eq('e.project_id', filters.project_id);
  eq('e.task_id', filters.task_id);
  if (filters.from) {
    q = q.where('e.entry_date', '>=', filters.from) as Q;
  }
  if (filters.to) {
    q = q.where('e.entry_date', '<=', filters.to) as Q;
  }
  if (filters.billable !== undefined) {
    q = q.where('e.billable', '=', filters.billable) as Q;
  }
  if (filters.approved !== undefined) {
    q = q.where(filters.approved ? isApproved() : sql<boolean>`not ${isApproved()}`) as Q;
  }
  return q;
}
