import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { GroupBy } from '../contract/analytics-http.ts';
import { applyFilters, type EntryFilterValues } from './entry.repository.ts';
import { entryView, visibleTo } from './entry-view.ts';
import type { TimeTrackingDatabase } from './time.tables.ts';

/** One group of entries in one currency and one time zone; the use case merges them. */
export interface GroupRow {
  key: string | null;
  label: string | null;
  time_zone: string;
  currency: string | null;
  minutes: number;
  billable_minutes: number;
  amount: number | null;
}

/** The first day of the entry's week by its organization's setting (Monday unless Sunday). */
const WEEK_START = sql<string>`to_char(e.entry_date - ((extract(isodow from e.entry_date)::int
  - case when coalesce(o.week_start, 'monday') = 'sunday' then 0 else 1 end + 7) % 7), 'YYYY-MM-DD')`;

const KEYS: Record<GroupBy, { key: RawBuilder<string | null>; label: RawBuilder<string | null> }> = {
  user: { key: sql`e.user_id::text`, label: sql`null` },
  project: { key: sql`e.project_id::text`, label: sql`p.name` },
  task: { key: sql`e.task_id::text`, label: sql`t.key || ' ' || t.title` },
  day: { key: sql`to_char(e.entry_date, 'YYYY-MM-DD')`, label: sql`null` },
  week: { key: WEEK_START, label: sql`null` },
};

export class AnalyticsRepository {
  constructor(
    private readonly db: Kysely<TimeTrackingDatabase>,
    private readonly defaultLimitHours: number,
  ) {}

  /** Finished, visible entries matching the filters, summed per group, currency and time zone. */
  async grouped(
    viewerId: string,
    groupBy: GroupBy,
    filters: EntryFilterValues,
    now: Date,
  ): Promise<GroupRow[]> {
    const { key, label } = KEYS[groupBy];
    const entries = applyFilters(entryView(this.db, now, this.defaultLimitHours), filters)
      .where(visibleTo(viewerId))
      .where('e.end_time', 'is not', null)
      .select([key.as('group_key'), label.as('group_label')]);
    const rows = await this.db
      .selectFrom(entries.as('x'))
      .select([
        'x.group_key as key',
        sql<string | null>`min(x.group_label)`.as('label'),
        'x.time_zone',
        'x.currency',
        sql<number>`sum(x.duration_minutes)::int`.as('minutes'),
        sql<number>`coalesce(sum(x.duration_minutes) filter (where x.billable), 0)::int`.as(
          'billable_minutes',
        ),
        sql<number | null>`sum(x.amount)::float8`.as('amount'),
      ])
      .groupBy(['x.group_key', 'x.time_zone', 'x.currency'])
      .orderBy('x.group_key')
      .execute();
    return rows;
  }
}
