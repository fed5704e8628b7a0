import type { BenchProject, World } from './accounts.ts';
import { ADJECTIVES, COMPONENTS, NOUNS, TAGS, VERBS } from './seed-words.ts';

/** What both pg.Client and PGlite offer: one statement, positional parameters. */
export interface SqlExecutor {
  query<R = any>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** Two independent 32-bit hashes of the task number drive every column, so a rerun builds the same data. */
const INSERT_TASKS = `
insert into tasks.tasks (organization_id, project_id, number, title, description, assigned_to, created_by, status,
  status_category, priority, due_date, estimated_hours, tags, rank, created_at, updated_at)
select $1::uuid, $2::uuid, n,
  initcap(($10::text[])[1 + h1 % 20]) || ' ' || ($11::text[])[1 + (h1 / 20) % 40] || ' ' || ($12::text[])[1 + (h1 / 800) % 60],
  'When the ' || ($12::text[])[1 + h2 % 60] || ' is ' || ($11::text[])[1 + (h2 / 60) % 40] || ', the '
    || ($13::text[])[1 + (h2 / 2400) % 10] || ' team cannot ' || ($10::text[])[1 + (h2 / 24000) % 20] || ' the '
    || ($12::text[])[1 + (h1 / 48000) % 60] || '. Steps to reproduce and logs are attached; see the '
    || ($13::text[])[1 + (h1 / 7) % 10] || ' runbook.',
  case when h2 % 10 = 0 then null else ($4::uuid[])[1 + (h1 / 13) % cardinality($4::uuid[])] end,
  $3::uuid,
  ($5::text[])[1 + (h2 / 10) % 100],
  ($6::text[])[1 + (h2 / 10) % 100],
  case when (h2 / 1000) % 100 < 5 then 'urgent' when (h2 / 1000) % 100 < 20 then 'high'
       when (h2 / 1000) % 100 < 60 then 'medium' when (h2 / 1000) % 100 < 85 then 'low' else 'none' end,
  case when (h1 / 3) % 3 = 0 then null else date '2026-01-01' + ((h1 / 17) % 540)::int end,
  case when n % 4 = 0 then null else ((h2 % 16) + 1) / 2.0 end,
  array_remove(array[
    case when h1 % 4 = 0 then ($14::text[])[1 + (h1 / 4) % 12] end,
    case when h2 % 5 = 0 then ($14::text[])[1 + (h2 / 5) % 12] end,
    case when h1 % 9 = 0 then 'customer' end
  ], null),
  lpad(n::text, 9, '0') || 'i',
  now() - make_interval(mins => $9::int - n),
  now() - make_interval(mins => $9::int - n)
from (
  select n, hashint8(n::bigint)::bigint + 2147483648 as h1, hashint8(n::bigint + 4294967296)::bigint + 2147483648 as h2
  from generate_series($7::int, $8::int) n
) g`;

/** 100 slots of the workflow: done statuses share 45% of the tasks, the others the rest. */
function statusSlots(project: BenchProject): { keys: string[]; categories: string[] } {
  const done = project.statuses.filter((status) => status.category === 'done');
  const open = project.statuses.filter((status) => status.category !== 'done');
  const slots = Array.from({ length: 100 }, (_, i) =>
    i < 55 || done.length === 0
      ? open[Math.floor((i * open.length) / 55) % open.length]!
      : done[i % done.length]!,
  );
  return { keys: slots.map((s) => s.key), categories: slots.map((s) => s.category) };
}

export interface SeedTimings {
  tasksMs: number;
  indexesMs: number;
  relationsMs: number;
  timeEntriesMs: number;
  vacuumMs: number;
  timeEntries: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return Math.round(performance.now() - started);
}

/** Runs the jobs on every connection at once, each connection taking the next job when free. */
async function onAll(db: SqlExecutor[], jobs: ((conn: SqlExecutor) => Promise<unknown>)[]): Promise<void> {
  let next = 0;
  await Promise.all(
    db.map(async (conn) => {
      while (next < jobs.length) {
        await jobs[next++]!(conn);
      }
    }),
  );
}

/** Secondary indexes of tasks.tasks (not those of its constraints), to build once after a large load. */
async function dropSecondaryIndexes(db: SqlExecutor): Promise<string[]> {
  const { rows } = await db.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'tasks' and i.tablename = 'tasks'
       and not exists (select 1 from pg_constraint c where c.conindid = format('tasks.%I', i.indexname)::regclass)`,
  );
  for (const row of rows) {
    await db.query(`drop index tasks."${row.indexname}"`);
  }
  return rows.map((row) => row.indexdef);
}

const CHUNK = 50_000;

function taskJobs(world: World, project: BenchProject) {
  const slots = statusSlots(project);
  const jobs: ((conn: SqlExecutor) => Promise<unknown>)[] = [];
  for (let from = 1; from <= project.tasks; from += CHUNK) {
    const to = Math.min(project.tasks, from + CHUNK - 1);
    const params = [
      world.organizationId,
      project.id,
      world.owner.id,
      project.memberIds,
      slots.keys,
      slots.categories,
      from,
      to,
      project.tasks,
      VERBS,
      ADJECTIVES,
      NOUNS,
      COMPONENTS,
      TAGS,
    ];
    jobs.push((conn) => conn.query(INSERT_TASKS, params));
  }
  return jobs;
}

/** Sub-tasks (2%), dependencies on earlier tasks (1%, so never a cycle) and the number counters. */
async function seedRelations(db: SqlExecutor, world: World): Promise<void> {
  for (const project of world.projects) {
    await db.query(
      `update tasks.tasks c set parent_task_id = p.id from tasks.tasks p
       where c.project_id = $1 and c.number % 50 = 2 and p.project_id = c.project_id and p.number = c.number - 1`,
      [project.id],
    );
    await db.query(
      `insert into tasks.task_dependencies (task_id, depends_on_task_id, dependency_type, created_by)
       select a.id, b.id, 'finish_to_start', $2 from tasks.tasks a
       join tasks.tasks b on b.project_id = a.project_id and b.number = a.number - 1 - a.number % 37
       where a.project_id = $1 and a.number % 100 = 0`,
      [project.id, world.owner.id],
    );
    await db.query(
      `insert into tasks.task_counters (project_id, last_number) values ($1, $2)
       on conflict (project_id) do update set last_number = excluded.last_number`,
      [project.id, project.tasks],
    );
  }
}

/** Time entries (one per 20 assigned tasks) when the time-tracking service's table exists. */
async function seedTimeEntries(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ exists: boolean }>(
    `select to_regclass('time_tracking.time_entries') is not null as exists`,
  );
  if (!rows[0]?.exists) {
    return 0;
  }
  const inserted = await db.query<{ n: number }>(
    `with added as (
       insert into time_tracking.time_entries (organization_id, user_id, task_id, project_id, description, start_time,
         end_time, duration_minutes, entry_date, time_zone, billable)
       select t.organization_id, t.assigned_to, t.id, t.project_id, 'Work on ' || t.title, x.s,
         x.s + make_interval(mins => x.d), x.d, (x.s at time zone 'UTC')::date, 'UTC', t.number % 3 <> 0
       from tasks.tasks t,
         lateral (select date_trunc('minute', t.created_at) + interval '1 hour' as s, 15 + (t.number % 8) * 15 as d) x
       where t.assigned_to is not null and t.number % 20 = 0
       returning 1)
     select count(*)::int as n from added`,
  );
  return inserted.rows[0]?.n ?? 0;
}

/**
 * Tasks straight into the tasks schema, set-based: each chunk is one INSERT … SELECT generate_series,
 * spread over the connections given. Above `rebuildIndexesFrom` tasks the secondary indexes are
 * dropped first and built once at the end, which is quicker than maintaining them row by row.
 */
export async function seedTasks(
  db: SqlExecutor[],
  world: World,
  rebuildIndexesFrom = 100_000,
): Promise<SeedTimings> {
  const first = db[0]!;
  const total = world.projects.reduce((sum, project) => sum + project.tasks, 0);
  for (const conn of db) {
    await conn.query(`set synchronous_commit = off`);
    await conn.query(`set maintenance_work_mem = '256MB'`);
  }
  const indexDefs = total >= rebuildIndexesFrom ? await dropSecondaryIndexes(first) : [];
  const tasksMs = await timed(() =>
    onAll(
      db,
      world.projects.flatMap((project) => taskJobs(world, project)),
    ),
  );
  const relationsMs = await timed(() => seedRelations(first, world));
  const indexesMs = await timed(() =>
    onAll(
      db,
      indexDefs.map((def) => (conn: SqlExecutor) => conn.query(def)),
    ),
  );
  let timeEntries = 0;
  const timeEntriesMs = await timed(async () => {
    timeEntries = await seedTimeEntries(first);
  });
  const vacuumMs = await timed(async () => {
    await first.query(
      `vacuum (analyze) tasks.tasks, tasks.task_title_words, tasks.task_dependencies, tasks.task_counters`,
    );
    if (timeEntries > 0) {
      await first.query(`vacuum (analyze) time_tracking.time_entries`);
    }
    // The seed leaves its pages for the next checkpoint to write, while the baselines are measured
    // (node:http 7,272–16,141 req/s in four runs on one machine). Written now (superuser or
    // pg_checkpoint), every measurement starts from a settled database.
    await first.query('checkpoint').catch((error: unknown) => {
      console.error(
        `no checkpoint after seeding (${error instanceof Error ? error.message : String(error)})`,
      );
    });
  });
  return { tasksMs, indexesMs, relationsMs, timeEntriesMs, vacuumMs, timeEntries };
}

export interface SampledTask {
  id: string;
  /** Index of its status in the project's workflow. */
  status: number;
}

/** Tasks spread over the whole project (by number), for gets and status changes to rotate over. */
export async function sampleTasks(
  db: SqlExecutor,
  project: BenchProject,
  count: number,
  offset = 0,
): Promise<SampledTask[]> {
  const step = Math.max(1, Math.floor(project.tasks / count));
  const { rows } = await db.query<{ id: string; status: string }>(
    `select id, status from tasks.tasks where project_id = $1 and number % $2 = $3 order by number limit $4`,
    [project.id, step, offset % step, count],
  );
  const keys = project.statuses.map((status) => status.key);
  return rows.map((row) => ({ id: row.id, status: Math.max(0, keys.indexOf(row.status)) }));
}

/** Words none of the seeded tasks has. */
const UNSEEN_WORDS = ['zeppelin', 'quokka', 'marzipan'];

/**
 * Searches as people type them: mostly adjective–noun pairs of titles, each matching about 1 task
 * in 2,400 (plus descriptions); every fifth either a word no task has (a typo, a word of another
 * team) or an `or` of two nouns. A search that finds nothing must not read the whole project: one
 * such word took 0.9–1 s in the 1,000,000-task project before searches walked a budget of tasks
 * (bench/RESULTS.md).
 */
export function searchTerms(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const adjective = ADJECTIVES[(i * 7) % ADJECTIVES.length]!;
    const noun = NOUNS[(i * 11) % NOUNS.length]!;
    if (i % 5 !== 4) {
      return `${adjective} ${noun}`;
    }
    return i % 10 === 4
      ? UNSEEN_WORDS[i % UNSEEN_WORDS.length]!
      : `${noun} or ${NOUNS[(i * 3) % NOUNS.length]}`;
  });
}
