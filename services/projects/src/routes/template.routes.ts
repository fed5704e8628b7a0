import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProjectTemplate, TemplateListQuery, TemplatePage, TemplateParams } from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import { deleteTemplate, getTemplate, listTemplates } from '../use-cases/manage-templates.ts';

const tags = ['projects'];

/** Templates of the caller's organizations; POST /projects/{id}/save-as-template creates them. */
export const templateRoutes: FastifyPluginAsyncTypebox<{ deps: ProjectsDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Templates of your organizations (by name, then id)',
        querystring: TemplateListQuery,
        response: { 200: TemplatePage },
      },
    },
    (request) => listTemplates(deps, requireAuth(request).sub, request.query),
  );
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A project template',
        params: TemplateParams,
        response: { 200: ProjectTemplate },
      },
    },
    (request) => getTemplate(deps, requireAuth(request).sub, request.params.id),
  );
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a template (its author or an organization admin)',
        params: TemplateParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteTemplate(deps, requireAuth(request).sub, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
