import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BulkUpdateBody, BulkUpdateResult, PositionBody, Task, TaskParams } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { bulkUpdateTasks, moveTask } from '../use-cases/bulk-and-position.ts';

const tags = ['tasks'];

/** Board moves and changes to a selection of tasks. */
export const bulkRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.post(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Change status, assignee, priority, milestone or tags of many tasks',
        body: BulkUpdateBody,
        response: { 200: BulkUpdateResult },
      },
    },
    async (request) => ({ items: await bulkUpdateTasks(deps, requireAuth(request).sub, request.body) }),
  );
  app.put(
    '/:id/position',
    {
      schema: {
        tags,
        summary: 'Move a task between two others (and optionally to another status)',
        params: TaskParams,
        body: PositionBody,
        response: { 200: Task },
      },
    },
    (request) => moveTask(deps, requireAuth(request).sub, request.params.id, request.body),
  );
};
