import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateTaskViewBody,
  TaskView,
  TaskViewList,
  TaskViewListQuery,
  TaskViewParams,
  UpdateTaskViewBody,
} from '../contract/http-views.ts';
import type { TasksDeps } from '../deps.ts';
import {
  createTaskView,
  deleteTaskView,
  getTaskView,
  listTaskViews,
  updateTaskView,
} from '../use-cases/manage-task-views.ts';

const tags = ['task views'];

/** Saved filters, sort and layout of a project's tasks: personal or shared with the project. */
export const taskViewRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "The caller's views of a project and its shared ones",
        querystring: TaskViewListQuery,
        response: { 200: TaskViewList },
      },
    },
    async (request) => ({
      items: await listTaskViews(deps, requireAuth(request).sub, request.query.project_id),
    }),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Save a view', body: CreateTaskViewBody, response: { 201: TaskView } } },
    async (request, reply) =>
      reply.status(201).send(await createTaskView(deps, requireAuth(request).sub, request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A saved view', params: TaskViewParams, response: { 200: TaskView } } },
    (request) => getTaskView(deps, requireAuth(request).sub, request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a view (its owner, or a project admin for shared ones)',
        params: TaskViewParams,
        body: UpdateTaskViewBody,
        response: { 200: TaskView },
      },
    },
    (request) => updateTaskView(deps, requireAuth(request).sub, request.params.id, request.body),
  );
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a view (its owner, or a project admin for shared ones)',
        params: TaskViewParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteTaskView(deps, requireAuth(request).sub, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
