import type { EventEnvelope } from '@pm/kernel';

/** Error codes a client can receive in `{type:'error'}`. */
export type RealtimeErrorCode =
  'NOT_FOUND' | 'UNAUTHORIZED' | 'BAD_CHANNEL' | 'BAD_MESSAGE' | 'TOO_MANY_SUBSCRIPTIONS' | 'UNAVAILABLE';

/** Close code for a socket that did not authenticate in time or whose token is invalid or expired. */
export const CLOSE_UNAUTHORIZED = 4401;
/** Close code for a socket that could not keep up with its events (send buffer over the limit). */
export const CLOSE_TOO_SLOW = 4408;

export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe'; channel: string; id?: string | number }
  | { type: 'unsubscribe'; channel: string; id?: string | number }
  | { type: 'ping'; id?: string | number };

export type ServerMessage =
  | { type: 'ready'; user_id: string }
  | { type: 'subscribed'; channel: string; id?: string | number }
  | { type: 'unsubscribed'; channel: string; id?: string | number }
  | { type: 'error'; code: RealtimeErrorCode; channel?: string; id?: string | number; message?: string }
  | { type: 'event'; channel: string; event: EventEnvelope }
  | { type: 'pong'; id?: string | number };

export type ChannelKind = 'project' | 'task' | 'user';

const CHANNEL_KINDS: readonly string[] = ['project', 'task', 'user'] satisfies ChannelKind[];

export interface Channel {
  kind: ChannelKind;
  id: string;
  /** `project:<id>`, `task:<id>` or `user:<id>`, lower-cased. */
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isChannelKind(value: string | undefined): value is ChannelKind {
  return value !== undefined && CHANNEL_KINDS.includes(value);
}

/** `project:<uuid>`, `task:<uuid>` or `user:<uuid>`; anything else is not a channel. */
export function parseChannel(value: unknown): Channel | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const [kind, id, ...rest] = value.toLowerCase().split(':');
  if (rest.length > 0 || !isChannelKind(kind) || !id || !UUID.test(id)) {
    return undefined;
  }
  return { kind, id, name: `${kind}:${id}` };
}

function isId(value: unknown): value is string | number | undefined {
  return (
    value === undefined || (typeof value === 'string' && value.length <= 100) || typeof value === 'number'
  );
}

/** Parses one text frame; undefined when it is not a message of the protocol. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const message = value as Record<string, unknown>;
  if (!isId(message.id)) {
    return undefined;
  }
  const id = message.id === undefined ? {} : { id: message.id };
  switch (message.type) {
    case 'auth':
      return typeof message.token === 'string' && message.token
        ? { type: 'auth', token: message.token }
        : undefined;
    case 'subscribe':
    case 'unsubscribe':
      return typeof message.channel === 'string'
        ? { type: message.type, channel: message.channel, ...id }
        : undefined;
    case 'ping':
      return { type: 'ping', ...id };
    default:
      return undefined;
  }
}

/** The pub-sub channel carrying one hub channel between gateway instances. */
export function pubsubChannel(channel: string): string {
  return `realtime:${channel}`;
}

function dataOf(event: EventEnvelope): Record<string, unknown> {
  return (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
}

/** The lower-cased UUIDs among `values`; anything else is dropped. */
function uuids(values: unknown[]): string[] {
  return values
    .filter((id): id is string => typeof id === 'string' && UUID.test(id.toLowerCase()))
    .map((id) => id.toLowerCase());
}

/**
 * The hub channels an event is pushed on: its project; the tasks it is about (`task_id`, and the
 * other end of a dependency or the parent of a sub-task, whose views show it too); and the users
 * it is about or by.
 */
export function channelsOf(event: EventEnvelope): string[] {
  const data = dataOf(event);
  const projectIds = uuids([event.project_id ?? data.project_id]);
  const taskIds = uuids([data.task_id, data.depends_on_task_id, data.parent_task_id]);
  const userIds = uuids([event.actor_id, data.user_id, data.assigned_to]);
  return [
    ...new Set([
      ...projectIds.map((id) => `project:${id}`),
      ...taskIds.map((id) => `task:${id}`),
      ...userIds.map((id) => `user:${id}`),
    ]),
  ];
}
