import { useState } from 'react';
import { useToast } from '../../../shared/ui/toast.tsx';
import { describeTaskError, isVersionConflict, VERSION_CONFLICT_MESSAGE } from '../task-errors.ts';
import type { Task } from '../task.types.ts';
import { useUpdateTask, type TaskChanges } from './use-task-mutations.ts';

/**
 * Saves inline edits of one task. Each edit is based on the version it started from (`base`):
 * if someone else saved in between, the server refuses it (409), their version is loaded and
 * `conflict` explains what happened; other failures are shown as a toast.
 */
export function useTaskEditor() {
  const update = useUpdateTask();
  const toast = useToast();
  const [conflict, setConflict] = useState<string | null>(null);

  /** `onDone(isSaved)` runs after the answer either way (an inline editor closes then). */
  const save = (base: Task, changes: TaskChanges, onDone?: (isSaved: boolean) => void) => {
    update.mutate(
      { task: base, changes },
      {
        onSettled: (_task, error) => onDone?.(!error),
        onSuccess: () => setConflict(null),
        onError: (error) => {
          if (isVersionConflict(error)) {
            setConflict(VERSION_CONFLICT_MESSAGE);
          } else {
            toast.show(describeTaskError(error), 'error');
          }
        },
      },
    );
  };

  return { save, isSaving: update.isPending, conflict, dismissConflict: () => setConflict(null) };
}
