import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useOrganizations } from '../../organizations/current-organization.tsx';
import { useTask } from '../../tasks/hooks/use-tasks.ts';
import { useNow } from '../hooks/use-now.ts';
import { useRunningTimer } from '../hooks/use-time-entries.ts';
import { useStartTimer, useStopTimer, useUpdateEntry } from '../hooks/use-time-mutations.ts';
import { formatClock } from '../time-format.ts';
import type { TimeEntry } from '../time.types.ts';

/** The running timer in the app frame's header, or a way to start one from nothing. */
export function TimerWidget() {
  const timer = useRunningTimer();
  const entry = timer.data ?? null;
  return (
    <section className="timer-widget" aria-label="Timer">
      {entry ? <RunningTimer entry={entry} /> : <IdleTimer />}
    </section>
  );
}

function IdleTimer() {
  const { current } = useOrganizations();
  const start = useStartTimer();
  const toast = useToast();
  const [description, setDescription] = useState('');
  const onStart = () => {
    start.mutate(
      {
        ...(current ? { organization_id: current.id } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      },
      {
        onSuccess: () => setDescription(''),
        onError: (error) => toast.show(describeError(error), 'error'),
      },
    );
  };
  return (
    <form
      className="timer-idle"
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <input
        className="input input-sm timer-description"
        aria-label="What are you working on?"
        placeholder="What are you working on?"
        value={description}
        maxLength={10_000}
        onChange={(event) => setDescription(event.target.value)}
      />
      <Button type="submit" size="sm" variant="primary" isLoading={start.isPending}>
        Start timer
      </Button>
    </form>
  );
}

function RunningTimer({ entry }: { entry: TimeEntry }) {
  const now = useNow(true);
  const task = useTask(entry.task_id);
  const stop = useStopTimer();
  const update = useUpdateEntry();
  const toast = useToast();
  const [draft, setDraft] = useState<string | null>(null);
  const seconds = (now - Date.parse(entry.start_time)) / 1000;
  const failed = (error: unknown) => toast.show(describeError(error), 'error');

  const saveDescription = () => {
    const text = (draft ?? '').trim();
    setDraft(null);
    if (draft !== null && text !== (entry.description ?? '')) {
      update.mutate({ entry, changes: { description: text || null }, onStale: 'apply' }, { onError: failed });
    }
  };
  const onStop = () =>
    stop.mutate(undefined, {
      onSuccess: (stopped) =>
        toast.show(stopped ? 'Timer stopped' : 'Timer discarded: it ran less than a minute', 'info'),
      onError: failed,
    });

  return (
    <div className={`timer-running${entry.flagged_long_running ? ' is-flagged' : ''}`}>
      <div className="timer-line">
        <span className="timer-dot" aria-hidden="true" />
        {entry.task_id ? (
          <Link className="timer-task" to={`/tasks/${encodeURIComponent(entry.task_key ?? entry.task_id)}`}>
            <span className="task-card-key">{entry.task_key}</span>
            {task.data ? <span className="timer-task-title">{task.data.title}</span> : null}
          </Link>
        ) : (
          <span className="timer-task">Timer running</span>
        )}
      </div>
      <input
        className="input input-sm timer-description"
        aria-label="Timer description"
        placeholder="What are you working on?"
        value={draft ?? entry.description ?? ''}
        maxLength={10_000}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={saveDescription}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.currentTarget.blur();
          } else if (event.key === 'Escape') {
            setDraft(null);
          }
        }}
      />
      <div className="timer-line">
        <label className="timer-billable">
          <input
            type="checkbox"
            checked={entry.billable}
            disabled={update.isPending}
            onChange={(event) =>
              update.mutate(
                { entry, changes: { billable: event.target.checked }, onStale: 'apply' },
                { onError: failed },
              )
            }
          />
          Billable
        </label>
        <time
          className="timer-clock"
          dateTime={`PT${Math.floor(seconds)}S`}
          aria-label="Time running"
          title={
            entry.flagged_long_running
              ? 'This timer has run longer than the limit: stop it or fix it.'
              : undefined
          }
        >
          {formatClock(seconds)}
        </time>
        <Button size="sm" variant="danger" onClick={onStop} isLoading={stop.isPending}>
          Stop
        </Button>
      </div>
    </div>
  );
}
