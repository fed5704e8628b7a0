import type { CriticalPath, ScheduledTask } from '../contract/critical-path.http.ts';
import type { DependencyType } from '../contract/http.ts';
import { planAssumptions } from './critical-path-assumptions.ts';
import { addWorkingDays, nextWorkingDay } from './calendar.ts';
import {
  earliestStartAllowed,
  groupBy,
  schedule,
  topologicalOrder,
  type Activity,
  type Link,
  type Times,
} from './critical-path-network.ts';

/** Hours in one working day. */
export const HOURS_PER_DAY = 8;

/** A task of the plan (in scope) or a predecessor outside it. */
export interface PlanTask {
  id: string;
  key: string;
  title: string;
  estimated_hours: number | null;
  is_done: boolean;
}

/** `task_id` depends on `depends_on_task_id`. */
export interface PlanDependency {
  task_id: string;
  depends_on_task_id: string;
  dependency_type: DependencyType;
}

export interface PlanInput {
  /** The first calendar day work may happen (a weekend moves it to Monday). */
  today: string;
  /** The tasks of the project or milestone. */
  tasks: PlanTask[];
  /** Predecessors of those tasks that lie outside the scope (other projects, other milestones). */
  outside: PlanTask[];
  /** Dependencies of the scope's tasks; links to tasks in neither list are ignored. */
  dependencies: PlanDependency[];
  /** Done tasks of the scope the caller left out of `tasks` (they would change nothing). */
  omittedDoneCount?: number;
}

export type Plan = Omit<CriticalPath, 'project_id' | 'milestone_id'>;

/** Working days of remaining work: the estimate at 8 h a day, rounded up, at least 1; done tasks 0. */
export function durationDays(task: PlanTask): number {
  if (task.is_done) {
    return 0;
  }
  return Math.max(1, Math.ceil((task.estimated_hours ?? 0) / HOURS_PER_DAY));
}

function latest(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) {
    max = Math.max(max, value);
  }
  return max;
}

/** Open tasks only (done ones take no time and hold nothing back); outside ones are fixed at day 0. */
function activitiesOf(input: PlanInput): Map<string, Activity> {
  const activities = new Map<string, Activity>();
  for (const [tasks, fixed] of [
    [input.outside, true],
    [input.tasks, false],
  ] as const) {
    for (const task of tasks.filter((t) => !t.is_done)) {
      activities.set(task.id, { id: task.id, duration: durationDays(task), fixed });
    }
  }
  return activities;
}

function linksOf(input: PlanInput, activities: Map<string, Activity>): Link[] {
  return input.dependencies
    .filter((d) => activities.get(d.task_id)?.fixed === false && activities.has(d.depends_on_task_id))
    .map((d) => ({ from: d.depends_on_task_id, to: d.task_id, type: d.dependency_type }));
}

/** The critical chain, first to last: from a task ending last, back through driving predecessors. */
function pathOf(open: PlanTask[], times: Map<string, Times>, links: Link[], end: number): string[] {
  const duration = new Map(open.map((t) => [t.id, durationDays(t)]));
  const isCritical = (id: string) =>
    duration.has(id) && times.get(id)!.lateStart === times.get(id)!.earlyStart;
  const into = groupBy(links, (link) => link.to);
  // Of the critical tasks ending last, the one starting latest: its predecessors lead back.
  const last = open
    .filter((t) => isCritical(t.id) && times.get(t.id)!.earlyFinish === end)
    .sort((a, b) => times.get(b.id)!.earlyStart - times.get(a.id)!.earlyStart);
  let current = last[0]?.id;
  const chain: string[] = [];
  // Active links form no cycle, so the walk ends; the set only guards against a broken input.
  const seen = new Set<string>();
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    const to = times.get(current)!;
    const toDuration = duration.get(current)!;
    const driving = (into.get(current) ?? []).find(
      (l) => isCritical(l.from) && earliestStartAllowed(l, times.get(l.from)!, toDuration) === to.earlyStart,
    );
    current = driving?.from;
  }
  return chain.reverse();
}

function scheduledTask(task: PlanTask, t: Times, day: (offset: number) => string): ScheduledTask {
  return {
    task_id: task.id,
    key: task.key,
    title: task.title,
    duration_days: durationDays(task),
    earliest_start: day(t.earlyStart),
    earliest_finish: day(t.earlyFinish - 1),
    latest_start: day(t.lateStart),
    latest_finish: day(t.lateFinish - 1),
    slack_days: t.lateStart - t.earlyStart,
    critical: t.lateStart === t.earlyStart,
  };
}

/**
 * The critical path method over working days: earliest and latest start and finish of every open
 * task of the scope, its slack, and the chain of tasks without slack. Pure: the caller loads tasks.
 */
export function planCriticalPath(input: PlanInput): Plan {
  const activities = activitiesOf(input);
  const links = linksOf(input, activities);
  const open = input.tasks.filter((t) => !t.is_done);
  const { order, dropped } = topologicalOrder([...activities.keys()], links);
  const droppedSet = new Set(dropped);
  const active = links.filter((l) => !droppedSet.has(l));
  const times = schedule(activities, order, active, (early) =>
    latest(open.map((t) => early.get(t.id)!.earlyFinish)),
  );
  const end = latest(open.map((t) => times.get(t.id)!.earlyFinish));
  const start = nextWorkingDay(input.today);
  const dates = new Map<number, string>();
  const day = (offset: number) => {
    let date = dates.get(offset);
    if (date === undefined) {
      date = addWorkingDays(start, offset);
      dates.set(offset, date);
    }
    return date;
  };
  const byId = new Map(open.map((t) => [t.id, t]));
  return {
    earliest_finish: open.length > 0 ? day(end - 1) : null,
    duration_days: end,
    path: pathOf(open, times, active, end).map((id) => {
      const { key, title } = byId.get(id)!;
      return { task_id: id, key, title };
    }),
    tasks: open.map((task) => scheduledTask(task, times.get(task.id)!, day)),
    assumptions: planAssumptions(input, start, dropped),
  };
}
