import { useEffect, useRef } from 'react';
import { realtimeClient } from './realtime.ts';
import type { RealtimeEvent } from './realtime.types.ts';

// Callers need these with the hook; one import is enough.
export { RESYNC_EVENT, type RealtimeEvent } from './realtime.types.ts';

/**
 * Calls `onEvent` for every event pushed on `channel` (`project:<id>`, `task:<id>`,
 * `user:<id>`) while the component is mounted; `null` listens to nothing. After the connection
 * dropped and came back, `onEvent` receives `{ type: 'realtime.resync' }` (RESYNC_EVENT): events
 * may have been missed, so refetch. `onEvent` may change between renders without resubscribing.
 */
export function useRealtimeChannel(channel: string | null, onEvent: (event: RealtimeEvent) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    if (!channel) {
      return undefined;
    }
    return realtimeClient.subscribe(channel, (event) => handler.current(event));
  }, [channel]);
}
