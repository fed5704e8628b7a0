import type { Task } from './task.types.ts';

/** A task's logged hours against its estimate, as the dense views (list, board) show them. */
export interface HoursAgainstEstimate {
  /** What the time entries add up to (0 when nothing is logged). */
  actual: number;
  estimate: number | null;
  isOver: boolean;
  /** "1.5 hours logged of 4 estimated": for a tooltip and screen readers. */
  label: string;
}

/** `1.5` for one and a half hours, `4` for four: at most two decimals, no trailing zeros. */
export function formatTaskHours(hours: number): string {
  return String(Number(hours.toFixed(2)));
}

const hoursWord = (hours: number) => `${formatTaskHours(hours)} hour${hours === 1 ? '' : 's'}`;

export function hoursAgainstEstimate(
  task: Pick<Task, 'actual_hours' | 'estimated_hours'>,
): HoursAgainstEstimate {
  const actual = task.actual_hours ?? 0;
  const estimate = task.estimated_hours;
  const isOver = estimate !== null && actual > estimate;
  let label: string;
  if (estimate === null) {
    label = actual > 0 ? `${hoursWord(actual)} logged, no estimate` : 'No estimate, nothing logged';
  } else {
    label = `${hoursWord(actual)} logged of ${formatTaskHours(estimate)} estimated`;
  }
  return { actual, estimate, isOver, label: isOver ? `${label} (over the estimate)` : label };
}
