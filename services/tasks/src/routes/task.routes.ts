import { requireAuth, sendJsonText } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ActivityQuery,
  AssignTaskBody,
  CreateTaskBody,
  StatusTaskBody,
  Task,
  TaskActivityPage,
  TaskListQuery,
  TaskPage,
  TaskParams,
  UpdateTaskBody,
} from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { changeTask, deleteTask } from '../use-cases/change-task.ts';
import { createTask } from '../use-cases/create-task.ts';
import { listTasks, taskActivity } from '../use-cases/find-tasks.ts';
import { readableTaskJson } from '../use-cases/task-access.ts';

const tags = ['tasks'];

/** Tasks by UUID or key (`WEB-42`): viewers read, members and admins change. */
export const taskRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Tasks (of one project with project_id)',
        querystring: TaskListQuery,
        response: { 200: TaskPage },
      },
    },
    async (request, reply) =>
      sendJsonText(reply, await listTasks(deps, requireAuth(request).sub, request.query)),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Create a task', body: CreateTaskBody, response: { 201: Task } } },
    async (request, reply) =>
      reply.status(201).send(await createTask(deps, requireAuth(request).sub, request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A task by UUID or key', params: TaskParams, response: { 200: Task } } },
    async (request, reply) =>
      sendJsonText(reply, await readableTaskJson(deps, requireAuth(request).sub, request.params.id)),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a task (409 with the current task when `version` is stale)',
        params: TaskParams,
        body: UpdateTaskBody,
        response: { 200: Task },
      },
    },
    (request) => {
      const { version, ...changes } = request.body;
      return changeTask(deps, requireAuth(request).sub, request.params.id, changes, version);
    },
  );
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete a task', params: TaskParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteTask(deps, requireAuth(request).sub, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign (or unassign with null)',
        params: TaskParams,
        body: AssignTaskBody,
        response: { 200: Task },
      },
    },
    (request) =>
      changeTask(
        deps,
        requireAuth(request).sub,
        request.params.id,
        { assigned_to: request.body.assigned_to },
        request.body.version,
      ),
  );
  app.put(
    '/:id/status',
    {
      schema: {
        tags,
        summary: "Move to a status of the project's workflow",
        params: TaskParams,
        body: StatusTaskBody,
        response: { 200: Task },
      },
    },
    (request) =>
      changeTask(
        deps,
        requireAuth(request).sub,
        request.params.id,
        { status: request.body.status },
        request.body.version,
      ),
  );
  app.get(
    '/:id/activity',
    {
      schema: {
        tags,
        summary: 'Who changed what, oldest first',
        params: TaskParams,
        querystring: ActivityQuery,
        response: { 200: TaskActivityPage },
      },
    },
    (request) => taskActivity(deps, requireAuth(request).sub, request.params.id, request.query),
  );
};
