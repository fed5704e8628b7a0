import { Type, type Static } from 'typebox';

/** Where a workflow status sits on the board: not started, under way, finished. */
export const StatusCategory = Type.Union([
  Type.Literal('todo'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
]);
export type StatusCategory = Static<typeof StatusCategory>;

/** One status of a project's task workflow. */
export const WorkflowStatus = Type.Object(
  {
    /** Stable identifier tasks store; lowercase so it reads well in URLs and filters. */
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,49}$' }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    category: StatusCategory,
    color: Type.Optional(Type.String({ pattern: '^#[0-9A-Fa-f]{6}$' })),
  },
  { additionalProperties: false },
);
export type WorkflowStatus = Static<typeof WorkflowStatus>;

/**
 * A project's settings. `workflow.statuses` is ordered as a board shows it; it holds at least one
 * status of each category and unique keys. New tasks start in the first `todo` status.
 */
export const ProjectSettings = Type.Object(
  {
    workflow: Type.Object(
      { statuses: Type.Array(WorkflowStatus, { minItems: 3, maxItems: 30 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ProjectSettings = Static<typeof ProjectSettings>;
