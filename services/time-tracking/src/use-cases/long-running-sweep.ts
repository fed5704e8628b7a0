import { sql } from 'kysely';
import { TimerLongRunning } from '../contract/events.ts';
import { table } from '../data/time.tables.ts';
import type { TimeTrackingDeps } from '../deps.ts';

/**
 * Flags timers running past their organization's limit and tells their users with
 * `time.timer.long_running`. Rows are claimed with SKIP LOCKED and flagged once, so several
 * instances sweeping at the same time announce each timer once.
 */
export async function flagLongRunningTimers(deps: TimeTrackingDeps): Promise<number> {
  const now = deps.clock.now();
  const fallback = deps.config.TIME_TRACKING_TIMER_LIMIT_HOURS;
  return deps.outbox.transaction(deps.db, async (trx) => {
    const due = await sql<{
      id: string;
      organization_id: string;
      user_id: string;
      start_time: Date;
      limit_hours: number;
    }>`
      with due as (
        select e.id, coalesce(o.timer_limit_hours, ${fallback})::int as limit_hours
        from ${table('time_entries')} e
        left join ${table('organizations')} o on o.id = e.organization_id
        where e.end_time is null and e.flagged_long_running_at is null
          and e.start_time <= ${now}::timestamptz - make_interval(hours => coalesce(o.timer_limit_hours, ${fallback}))
        for update of e skip locked
        limit 500
      )
      update ${table('time_entries')} e set flagged_long_running_at = ${now}
      from due where e.id = due.id
      returning e.id, e.organization_id, e.user_id, e.start_time, due.limit_hours`.execute(trx);
    const events = due.rows.map((row) =>
      TimerLongRunning.create(
        {
          entry_id: row.id,
          organization_id: row.organization_id,
          user_id: row.user_id,
          start_time: new Date(row.start_time).toISOString(),
          limit_hours: row.limit_hours,
        },
        { org_id: row.organization_id, occurred_at: now },
      ),
    );
    await deps.outbox.add(trx, ...events);
    return events.length;
  });
}
