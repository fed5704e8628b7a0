import { useState } from 'react';
import { Button } from '../../../shared/ui/button.tsx';
import { PlusIcon } from '../../../shared/ui/icons.tsx';
import { TaskPicker } from '../../tasks/components/task-picker.tsx';
import type { RowTarget } from '../timesheet-grid.ts';

/** Adds a row to the week: a task found by search, or time without a task. */
export function AddTimesheetRow({
  onAdd,
  existing,
}: {
  onAdd: (row: RowTarget) => void;
  existing: Set<string>;
}) {
  const [picking, setPicking] = useState(false);
  if (!picking) {
    return (
      <div className="timesheet-add">
        <Button size="sm" variant="ghost" onClick={() => setPicking(true)}>
          <PlusIcon size={14} /> Add task
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onAdd({ taskId: null, projectId: null, taskKey: null })}
        >
          <PlusIcon size={14} /> Add time without a task
        </Button>
      </div>
    );
  }
  return (
    <div className="timesheet-add">
      <TaskPicker
        label="Task to add"
        placeholder="Search tasks by title or key"
        excludeIds={existing}
        autoFocus
        onPick={(task) => {
          onAdd({ taskId: task.id, projectId: task.project_id, taskKey: task.key });
          setPicking(false);
        }}
      />
      <Button size="sm" variant="ghost" onClick={() => setPicking(false)}>
        Cancel
      </Button>
    </div>
  );
}
