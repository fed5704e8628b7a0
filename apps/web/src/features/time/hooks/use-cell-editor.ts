import { useState } from 'react';
import { describeError } from '../../../shared/api/problem.ts';
import { freeStart, type RowTarget } from '../timesheet-grid.ts';
import type { Timesheet, TimeEntry } from '../time.types.ts';
import { useCreateEntry, useDeleteEntry, useUpdateEntry } from './use-time-mutations.ts';

const MINUTE = 60_000;

export interface CellEditor {
  /** Sets a day's time on a row holding at most one entry; resolves true when it was saved. */
  setCell: (target: RowTarget, day: string, cell: TimeEntry[], minutes: number) => Promise<boolean>;
  /** Sets one entry's duration (0 deletes it), keeping its start. */
  setEntry: (entry: TimeEntry, minutes: number) => Promise<boolean>;
  isSaving: boolean;
  /** Why the last write was refused (a locked week, an overlap), until the next one succeeds. */
  error: string | null;
  dismissError: () => void;
}

/**
 * Turns a typed duration into entry writes: an empty cell gets a new entry in the day's first free
 * stretch, a cell with one entry changes its end (or deletes it at zero). Refusals (a locked week,
 * an overlap) show the server's message.
 */
export function useCellEditor(sheet: Timesheet): CellEditor {
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const remove = useDeleteEntry();
  const [error, setError] = useState<string | null>(null);

  const attempt = async (write: () => Promise<unknown>) => {
    try {
      await write();
      setError(null);
      return true;
    } catch (failure) {
      setError(describeError(failure));
      return false;
    }
  };

  const setEntry = (entry: TimeEntry, minutes: number) =>
    attempt(() =>
      minutes === 0
        ? remove.mutateAsync(entry)
        : update.mutateAsync({
            entry,
            changes: { end_time: new Date(Date.parse(entry.start_time) + minutes * MINUTE).toISOString() },
          }),
    );

  const setCell = async (target: RowTarget, day: string, cell: TimeEntry[], minutes: number) => {
    const [only] = cell;
    if (only) {
      return setEntry(only, minutes);
    }
    if (minutes === 0) {
      return true;
    }
    const dayEntries = sheet.entries.filter((e) => e.entry_date === day);
    const start = freeStart(dayEntries, day, minutes, sheet.time_zone);
    if (start === null) {
      setError(`There is no free stretch of that length on ${day} before now.`);
      return false;
    }
    return attempt(() =>
      create.mutateAsync({
        organization_id: sheet.organization_id,
        ...(target.taskId ? { task_id: target.taskId } : {}),
        ...(target.projectId ? { project_id: target.projectId } : {}),
        start_time: new Date(start).toISOString(),
        end_time: new Date(start + minutes * MINUTE).toISOString(),
      }),
    );
  };

  return {
    setCell,
    setEntry,
    isSaving: create.isPending || update.isPending || remove.isPending,
    error,
    dismissError: () => setError(null),
  };
}
