import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useRealtimeChannel, type RealtimeEvent } from '../../../shared/realtime/use-realtime-channel.ts';
import { taskKeys } from '../tasks.keys.ts';

/** Several events of one change (status_changed + updated) and bursts (bulk edits) refetch once. */
const DEBOUNCE_MS = 300;

/**
 * Refetches task data when the hub reports a change on `channel` (`project:<id>` for a board or
 * list, `task:<id>` for a task's detail). While `isPaused` (a card is being dragged) the refetch
 * waits, so the board does not jump under the pointer; it runs once the drag ends.
 */
export function useTaskLiveUpdates(channel: string | null, isPaused = false): void {
  const queryClient = useQueryClient();
  const pending = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const paused = useRef(isPaused);

  const flush = () => {
    timer.current = undefined;
    if (paused.current) {
      pending.current = true;
      return;
    }
    pending.current = false;
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
  };

  useEffect(() => {
    paused.current = isPaused;
    if (!isPaused && pending.current && timer.current === undefined) {
      timer.current = window.setTimeout(flush, 0);
    }
  });

  useEffect(() => () => window.clearTimeout(timer.current), []);

  useRealtimeChannel(channel, (event: RealtimeEvent) => {
    if (!event.type.startsWith('tasks.') && event.type !== 'realtime.resync') {
      return;
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, DEBOUNCE_MS);
  });
}
