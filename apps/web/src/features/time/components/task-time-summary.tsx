import { useState } from 'react';
import { useRealtimeChannel, type RealtimeEvent } from '../../../shared/realtime/use-realtime-channel.ts';
import type { Task } from '../../tasks/task.types.ts';
import { formatHours } from '../time-format.ts';

interface LiveTotal {
  taskId: string;
  minutes: number;
  seq: number;
}

/** This task's logged minutes from a time event (`task_totals`), if the event carries them. */
function totalFromEvent(event: RealtimeEvent, taskId: string): LiveTotal | null {
  const totals = event.data.task_totals;
  if (!event.type.startsWith('time.entry.') || !Array.isArray(totals)) {
    return null;
  }
  for (const total of totals as unknown[]) {
    const t = total as { task_id?: unknown; total_minutes?: unknown; seq?: unknown };
    if (t.task_id === taskId && typeof t.total_minutes === 'number' && typeof t.seq === 'number') {
      return { taskId, minutes: t.total_minutes, seq: t.seq };
    }
  }
  return null;
}

/**
 * "3.5 h of 8 h" with a bar: the time logged on a task (its actual hours, kept by the server from
 * the time entries) against its estimate. Time events on the task's channel update it at once,
 * before the task itself is refetched.
 */
export function TaskTimeSummary({ task }: { task: Task }) {
  const [live, setLive] = useState<LiveTotal | null>(null);
  useRealtimeChannel(`task:${task.id}`, (event) => {
    const total = totalFromEvent(event, task.id);
    if (total) {
      setLive((known) => (known?.taskId === task.id && known.seq >= total.seq ? known : total));
    }
  });
  const known = live?.taskId === task.id ? live : null;
  const actual = known ? Math.round((known.minutes / 60) * 100) / 100 : (task.actual_hours ?? 0);
  const estimate = task.estimated_hours;
  const over = estimate !== null && actual > estimate;
  const percent = estimate ? Math.min(100, Math.round((actual / estimate) * 100)) : 0;
  return (
    <div className="task-time-summary" aria-label="Time logged">
      <p className="task-time-summary-text">
        <strong>{formatHours(actual)}</strong>
        {estimate !== null ? ` of ${formatHours(estimate)}` : ' logged (no estimate)'}
        {over ? <span className="task-time-over"> · over estimate</span> : null}
      </p>
      {estimate !== null ? (
        <div
          className={`progress${over ? ' is-over' : ''}`}
          role="progressbar"
          aria-label="Logged against estimate"
          aria-valuemin={0}
          aria-valuemax={estimate}
          aria-valuenow={Math.min(actual, estimate)}
          aria-valuetext={`${formatHours(actual)} of ${formatHours(estimate)}`}
        >
          <span className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
    </div>
  );
}
