import type { Link } from './critical-path-network.ts';
import type { PlanInput, PlanTask } from './critical-path.ts';

const LISTED = 10;

/** Done tasks are counted up to this many; beyond it the assumptions say "more than". */
export const DONE_COUNTED_UP_TO = 10_000;

function keysOf(tasks: PlanTask[]): string {
  const shown = tasks.slice(0, LISTED).map((t) => t.key);
  return tasks.length > LISTED ? `${shown.join(', ')} and ${tasks.length - LISTED} more` : shown.join(', ');
}

/** "1 task counts" / "2 tasks count": `one` and `many` are the whole phrase for each number. */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the plan takes for granted, in words a project lead can check. */
export function planAssumptions(input: PlanInput, start: string, dropped: Link[]): string[] {
  const open = input.tasks.filter((t) => !t.is_done);
  const unestimated = open.filter((t) => t.estimated_hours === null || t.estimated_hours === 0);
  const done = input.tasks.length - open.length + (input.omittedDoneCount ?? 0);
  const scope = new Set(input.tasks.map((t) => t.id));
  const outsideIds = new Set(
    input.dependencies.filter((d) => scope.has(d.task_id)).map((d) => d.depends_on_task_id),
  );
  const outside = input.outside.filter((t) => !t.is_done && outsideIds.has(t.id));
  const assumptions = [
    `Work starts on ${start} (today, or the next working day); tasks carry no start date, so none starts earlier.`,
    'Saturdays and Sundays are not working days; holidays and people’s availability are not known.',
    'Durations come from estimated_hours at 8 hours a working day, rounded up; time already spent is not subtracted.',
    'Dependencies have no lead or lag time; every dependency type (finish/start to start/finish) is honoured.',
  ];
  if (unestimated.length > 0) {
    const tasks = counted(
      unestimated.length,
      'task without an estimate counts',
      'tasks without an estimate count',
    );
    assumptions.push(`${tasks} as 1 working day: ${keysOf(unestimated)}.`);
  }
  if (done > 0) {
    const tasks =
      done > DONE_COUNTED_UP_TO
        ? `More than ${DONE_COUNTED_UP_TO.toLocaleString('en-US')} done tasks count`
        : counted(done, 'done task counts', 'done tasks count');
    assumptions.push(`${tasks} as finished: no remaining time, holding nothing back.`);
  }
  if (outside.length > 0) {
    assumptions.push(
      `${counted(outside.length, 'open task', 'open tasks')} outside the scope that tasks here depend on ` +
        `${outside.length === 1 ? 'is a fixed constraint' : 'are fixed constraints'}, starting on ${start} ` +
        `for their own estimate (their own dependencies are not followed): ${keysOf(outside)}.`,
    );
  }
  if (dropped.length > 0) {
    const links = counted(
      dropped.length,
      'dependency caught in a cycle was',
      'dependencies caught in a cycle were',
    );
    assumptions.push(`${links} ignored.`);
  }
  return assumptions;
}
