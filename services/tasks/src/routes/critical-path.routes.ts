import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CriticalPath, CriticalPathQuery, ProjectCriticalPathQuery } from '../contract/critical-path.http.ts';
import { ProjectTaskParams } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { criticalPath } from '../use-cases/critical-path.ts';

const tags = ['tasks'];
const summary = "The project's (or a milestone's) critical path, with each open task's slack";

/** GET /projects/{project_id}/critical-path (all-in-one; /projects goes to the projects service in split mode). */
export const projectCriticalPathRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/:project_id/critical-path',
    {
      schema: {
        tags,
        summary,
        params: ProjectTaskParams,
        querystring: ProjectCriticalPathQuery,
        response: { 200: CriticalPath },
      },
    },
    (request) =>
      criticalPath(deps, requireAuth(request).sub, {
        ...request.query,
        project_id: request.params.project_id,
      }),
  );
};

/** GET /tasks/critical-path?project_id=: the same answer under the tasks service's own prefix. */
export const criticalPathRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/critical-path',
    { schema: { tags, summary, querystring: CriticalPathQuery, response: { 200: CriticalPath } } },
    (request) => criticalPath(deps, requireAuth(request).sub, request.query),
  );
};
