import { useSyncExternalStore } from 'react';
import { realtimeClient } from './realtime.ts';
import type { RealtimeStatus } from './realtime.types.ts';

const subscribe = (listener: () => void) => realtimeClient.onStatusChange(listener);
const getStatus = () => realtimeClient.getStatus();

/** Whether live updates are flowing: 'connecting', 'live' or 'offline'. */
export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(subscribe, getStatus);
}
