import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateDependencyBody, DependencyParams, TaskDependency, TaskParams } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { addDependency, listDependencies, removeDependency } from '../use-cases/manage-dependencies.ts';

const tags = ['tasks'];

/** What a task waits for; a link that would make a cycle answers 409 naming it. */
export const dependencyRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/dependencies',
    {
      schema: {
        tags,
        summary: 'Tasks this task depends on',
        params: TaskParams,
        response: { 200: Type.Object({ items: Type.Array(TaskDependency) }) },
      },
    },
    async (request) => ({ items: await listDependencies(deps, requireAuth(request).sub, request.params.id) }),
  );
  app.post(
    '/:id/dependencies',
    {
      schema: {
        tags,
        summary: 'Depend on another task of the organization',
        params: TaskParams,
        body: CreateDependencyBody,
        response: { 201: TaskDependency },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addDependency(deps, requireAuth(request).sub, request.params.id, request.body)),
  );
  app.delete(
    '/:id/dependencies/:dependency_id',
    {
      schema: {
        tags,
        summary: 'Remove a dependency',
        params: DependencyParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeDependency(deps, requireAuth(request).sub, request.params.id, request.params.dependency_id);
      return reply.status(204).send(null);
    },
  );
};
