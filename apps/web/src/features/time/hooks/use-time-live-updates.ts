import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useRealtimeChannel, type RealtimeEvent } from '../../../shared/realtime/use-realtime-channel.ts';
import { refreshTime } from './use-time-mutations.ts';

/** A burst of events (a timer stopped and another started) refetches once. */
const DEBOUNCE_MS = 300;

/**
 * Refetches the caller's time data when the hub reports a time event on `user:<id>` (a timer
 * started in another tab, a week approved or rejected by an admin).
 */
export function useTimeLiveUpdates(userId: string | null): void {
  const queryClient = useQueryClient();
  const timer = useRef<number | undefined>(undefined);
  useRealtimeChannel(userId ? `user:${userId}` : null, (event: RealtimeEvent) => {
    if (!event.type.startsWith('time.') && event.type !== 'realtime.resync') {
      return;
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => refreshTime(queryClient), DEBOUNCE_MS);
  });
}
