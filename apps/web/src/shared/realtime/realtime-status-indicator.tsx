import type { RealtimeStatus } from './realtime.types.ts';
import { useRealtimeStatus } from './use-realtime-status.ts';

const LABELS: Record<Exclude<RealtimeStatus, 'live'>, { text: string; title: string }> = {
  connecting: {
    text: 'Reconnecting…',
    title: 'Live updates are paused while we reconnect. Changes from others will appear once connected.',
  },
  offline: {
    text: 'Offline — live updates paused',
    title: 'Changes made by others will not appear until the connection is back.',
  },
};

/**
 * A small pill at the bottom of the screen while live updates are not flowing; nothing when
 * live. The `connecting` one fades in only after a moment (realtime.css), so a page load or a
 * blip shows nothing.
 */
export function RealtimeStatusIndicator() {
  const status = useRealtimeStatus();
  if (status === 'live') {
    return null;
  }
  const label = LABELS[status];
  return (
    <div className={`realtime-status realtime-status-${status}`} role="status" title={label.title}>
      <span className="realtime-status-dot" aria-hidden="true" />
      {label.text}
    </div>
  );
}
