import { randomUUID } from 'node:crypto';
import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/** The envelope every domain event travels in (ARCHITECTURE.md, "Event envelope"). */
export interface EventEnvelope<Data = unknown> {
  id: string;
  /** `<service>.<entity>.<verb>`, e.g. `tasks.task.created`. */
  type: string;
  schema_version: number;
  occurred_at: string;
  actor_id: string | null;
  org_id: string | null;
  project_id: string | null;
  data: Data;
}

export interface EventMeta {
  actor_id?: string | null;
  org_id?: string | null;
  project_id?: string | null;
  occurred_at?: Date;
}

/** A published event type: its name, version and the schema of its `data`. */
export interface EventDefinition<S extends TSchema> {
  readonly type: string;
  readonly version: number;
  readonly schema: S;
  create(data: Static<S>, meta?: EventMeta): EventEnvelope<Static<S>>;
  /** Narrows an incoming envelope, validating its data. */
  is(event: EventEnvelope): event is EventEnvelope<Static<S>>;
}

export function defineEvent<S extends TSchema>(type: string, version: number, schema: S): EventDefinition<S> {
  const check = Compile(schema);
  return {
    type,
    version,
    schema,
    create: (data, meta = {}) => ({
      id: randomUUID(),
      type,
      schema_version: version,
      occurred_at: (meta.occurred_at ?? new Date()).toISOString(),
      actor_id: meta.actor_id ?? null,
      org_id: meta.org_id ?? null,
      project_id: meta.project_id ?? null,
      data,
    }),
    is: (event): event is EventEnvelope<Static<S>> => event.type === type && check.Check(event.data),
  };
}

export const EventEnvelopeSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String(),
  schema_version: Type.Integer(),
  occurred_at: Type.String(),
  actor_id: Type.Union([Type.String(), Type.Null()]),
  org_id: Type.Union([Type.String(), Type.Null()]),
  project_id: Type.Union([Type.String(), Type.Null()]),
  data: Type.Unknown(),
});

/** AMQP topic matching: `*` is one word, `#` zero or more. */
export function topicMatches(pattern: string, type: string): boolean {
  const p = pattern.split('.');
  const t = type.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) {
      return j === t.length;
    }
    if (p[i] === '#') {
      return match(i + 1, j) || (j < t.length && match(i, j + 1));
    }
    return j < t.length && (p[i] === '*' || p[i] === t[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
