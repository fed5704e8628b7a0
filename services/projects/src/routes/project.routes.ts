import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateProjectBody,
  Project,
  ProjectListQuery,
  ProjectPage,
  ProjectParams,
  UpdateProjectBody,
} from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import { createProject } from '../use-cases/create-project.ts';
import { deleteProject } from '../use-cases/delete-project.ts';
import { getProject, listProjects } from '../use-cases/find-projects.ts';
import { updateProject } from '../use-cases/update-project.ts';

const tags = ['projects'];
const params = ProjectParams;

/** Projects: list, create, read, update, delete. */
export const projectRoutes: FastifyPluginAsyncTypebox<{ deps: ProjectsDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Projects the caller can see (by name, then id)',
        querystring: ProjectListQuery,
        response: { 200: ProjectPage },
      },
    },
    (request) => listProjects(deps, requireAuth(request).sub, request.query),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Create a project', body: CreateProjectBody, response: { 201: Project } } },
    async (request, reply) =>
      reply.status(201).send(await createProject(deps, requireAuth(request).sub, request.body)),
  );
  app.get('/:id', { schema: { tags, summary: 'A project', params, response: { 200: Project } } }, (request) =>
    getProject(deps, requireAuth(request).sub, request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a project (409 with the current state when `version` is stale)',
        params,
        body: UpdateProjectBody,
        response: { 200: Project },
      },
    },
    (request) => updateProject(deps, requireAuth(request).sub, request.params.id, request.body),
  );
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete a project', params, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteProject(deps, requireAuth(request).sub, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
