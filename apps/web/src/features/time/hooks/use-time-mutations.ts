import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { invalidateTask } from '../../tasks/task-cache.ts';
import {
  createEntry,
  deleteEntry,
  startTimer,
  stopTimer,
  submitTimesheet,
  updateEntry,
} from '../time.api.ts';
import { entryConflictCurrent } from '../time-errors.ts';
import { timeKeys } from '../time.keys.ts';
import type { CreateEntryBody, TimeEntry, UpdateEntryBody } from '../time.types.ts';

/** The editable fields of an entry; the version comes from the entry it is based on. */
export type EntryChanges = Omit<UpdateEntryBody, 'version'>;

/**
 * After any time write (or a refused one: the server's state is the truth): every time screen
 * refetches, and the tasks touched refetch their actual hours.
 */
export function refreshTime(queryClient: QueryClient, taskIds: (string | null | undefined)[] = []): void {
  void queryClient.invalidateQueries({ queryKey: timeKeys.all });
  for (const taskId of new Set(taskIds)) {
    if (taskId) {
      invalidateTask(queryClient, taskId);
    }
  }
}

const tasksOf = (...entries: (TimeEntry | null | undefined)[]) => entries.map((entry) => entry?.task_id);

export function useStartTimer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startTimer,
    onSuccess: ({ entry, stopped }) => {
      queryClient.setQueryData(timeKeys.timer(), entry);
      refreshTime(queryClient, tasksOf(stopped));
    },
    onError: () => refreshTime(queryClient),
  });
}

export function useStopTimer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopTimer,
    onSuccess: (entry) => {
      queryClient.setQueryData(timeKeys.timer(), null);
      refreshTime(queryClient, tasksOf(entry));
    },
    onError: () => refreshTime(queryClient),
  });
}

export function useCreateEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEntryBody) => createEntry(body),
    onSuccess: (entry) => refreshTime(queryClient, tasksOf(entry)),
  });
}

interface UpdateEntryVars {
  entry: TimeEntry;
  changes: EntryChanges;
  /**
   * When `entry` is stale (changed elsewhere), apply `changes` on top of the current state instead
   * of refusing: for edits of one field that do not depend on the others (a timer's description).
   */
  onStale?: 'refuse' | 'apply';
}

/** Edits fields of `entry`, based on its version; a stale version answers 409 TIME_VERSION_CONFLICT. */
export function useUpdateEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ entry, changes, onStale = 'refuse' }: UpdateEntryVars) => {
      try {
        return await updateEntry(entry.id, { ...changes, version: entry.version });
      } catch (error) {
        const current = entryConflictCurrent(error);
        if (onStale === 'apply' && current) {
          return updateEntry(entry.id, { ...changes, version: current.version });
        }
        throw error;
      }
    },
    onSuccess: (saved, { entry }) => {
      if (saved.is_running) {
        queryClient.setQueryData(timeKeys.timer(), saved);
      }
      refreshTime(queryClient, tasksOf(saved, entry));
    },
    onError: (_error, { entry }) => refreshTime(queryClient, tasksOf(entry)),
  });
}

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: TimeEntry) => deleteEntry(entry.id),
    onSettled: (_result, _error, entry) => refreshTime(queryClient, tasksOf(entry)),
  });
}

/** Submits the caller's week holding `week`. */
export function useSubmitTimesheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ week, organizationId }: { week: string; organizationId?: string }) =>
      submitTimesheet(week, organizationId),
    onSettled: () => refreshTime(queryClient),
  });
}
