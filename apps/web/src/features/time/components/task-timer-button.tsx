import { describeError } from '../../../shared/api/problem.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useTask } from '../../tasks/hooks/use-tasks.ts';
import { useRunningTimer } from '../hooks/use-time-entries.ts';
import { useStartTimer, useStopTimer } from '../hooks/use-time-mutations.ts';

/**
 * Starts a timer on a task (stopping any other), or stops it when it is the one running. `taskRef`
 * is the task's key or id, as the drawer knows it.
 */
export function TaskTimerButton({ taskRef }: { taskRef: string }) {
  const task = useTask(taskRef);
  const taskId = task.data?.id;
  const timer = useRunningTimer();
  const start = useStartTimer();
  const stop = useStopTimer();
  const toast = useToast();
  const failed = (error: unknown) => toast.show(describeError(error), 'error');
  const isRunningHere = Boolean(taskId) && timer.data?.task_id === taskId;

  if (isRunningHere) {
    return (
      <Button
        size="sm"
        variant="danger"
        isLoading={stop.isPending}
        onClick={() => stop.mutate(undefined, { onError: failed })}
      >
        Stop timer
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      variant="ghost"
      isLoading={start.isPending}
      disabled={timer.isPending || !taskId}
      onClick={() =>
        taskId &&
        start.mutate(
          { task_id: taskId },
          {
            onSuccess: ({ stopped }) => stopped && toast.show('The other timer was stopped', 'info'),
            onError: failed,
          },
        )
      }
    >
      Start timer
    </Button>
  );
}
