import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Project,
  ProjectAnalytics,
  ProjectParams,
  ProjectTemplate,
  SaveAsTemplateBody,
} from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import { archiveProject, restoreProject } from '../use-cases/archive-project.ts';
import { saveAsTemplate } from '../use-cases/manage-templates.ts';
import { projectAnalytics } from '../use-cases/project-analytics.ts';

const tags = ['projects'];
const params = ProjectParams;

/** Archive and restore, analytics, save as template. */
export const projectLifecycleRoutes: FastifyPluginAsyncTypebox<{ deps: ProjectsDeps }> = async (
  app,
  { deps },
) => {
  app.post(
    '/:id/archive',
    {
      schema: { tags, summary: 'Archive: the project becomes read-only', params, response: { 200: Project } },
    },
    (request) => archiveProject(deps, requireAuth(request).sub, request.params.id),
  );
  app.post(
    '/:id/restore',
    { schema: { tags, summary: 'Restore an archived project', params, response: { 200: Project } } },
    (request) => restoreProject(deps, requireAuth(request).sub, request.params.id),
  );
  app.get(
    '/:id/analytics',
    {
      schema: {
        tags,
        summary: 'Milestone, member and calendar counts',
        params,
        response: { 200: ProjectAnalytics },
      },
    },
    (request) => projectAnalytics(deps, requireAuth(request).sub, request.params.id),
  );
  app.post(
    '/:id/save-as-template',
    {
      schema: {
        tags,
        summary: "Save the project's settings and milestones as a template",
        params,
        body: SaveAsTemplateBody,
        response: { 201: ProjectTemplate },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveAsTemplate(deps, requireAuth(request).sub, request.params.id, request.body)),
  );
};
