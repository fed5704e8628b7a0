import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MyWork, MyWorkQuery } from '../contract/my-work.http.ts';
import type { TasksDeps } from '../deps.ts';
import { myWork } from '../use-cases/my-work.ts';

/** GET /my-work: the caller's assigned tasks across projects, grouped by due date. */
export const myWorkRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Tasks assigned to me, grouped: overdue, today, this week, later, no date',
        querystring: MyWorkQuery,
        response: { 200: MyWork },
      },
    },
    (request) => myWork(deps, requireAuth(request).sub, request.query),
  );
};
