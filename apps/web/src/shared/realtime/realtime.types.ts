/**
 * An event pushed by the gateway hub: the domain event's envelope (see `EventEnvelope` in
 * @pm/kernel), or the synthetic {@link RESYNC_EVENT} the client itself delivers after a gap.
 */
export interface RealtimeEvent {
  /** `<service>.<entity>.<verb>` (`tasks.task.updated`), or `realtime.resync`. */
  type: string;
  data: Record<string, unknown>;
  id?: string;
  schema_version?: number;
  occurred_at?: string;
  actor_id?: string | null;
  org_id?: string | null;
  project_id?: string | null;
}

/**
 * Delivered to a channel's listeners when its subscription is live again after the connection
 * dropped: events may have been missed meanwhile, so refetch what the channel covers.
 */
export const RESYNC_EVENT = 'realtime.resync';

/**
 * - `connecting`: opening (or re-opening, shortly after a drop) the socket;
 * - `live`: signed in on the hub, events arrive;
 * - `offline`: signed out, the browser is offline, or the hub has been unreachable for a while
 *   (the client keeps retrying in the background).
 */
export type RealtimeStatus = 'connecting' | 'live' | 'offline';

/** Messages this client sends (the gateway's protocol, apps/gateway/src/realtime/protocol.ts). */
export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe'; channel: string }
  | { type: 'unsubscribe'; channel: string }
  | { type: 'ping'; id: number };

/** Messages the hub sends. */
export type ServerMessage =
  | { type: 'ready'; user_id: string }
  | { type: 'subscribed'; channel: string }
  | { type: 'unsubscribed'; channel: string }
  | { type: 'error'; code: string; channel?: string; message?: string }
  | { type: 'event'; channel: string; event: RealtimeEvent }
  | { type: 'pong'; id?: number };

/** Close code the hub uses for a missing, invalid or expired token. */
export const CLOSE_UNAUTHORIZED = 4401;
