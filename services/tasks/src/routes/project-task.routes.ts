import { requireAuth, sendJsonText } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateProjectTaskBody,
  ProjectTaskListQuery,
  ProjectTaskParams,
  Task,
  TaskPage,
} from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { createTask } from '../use-cases/create-task.ts';
import { listTasks } from '../use-cases/find-tasks.ts';

const tags = ['tasks'];

/** The seed's project-scoped task routes; the same as /tasks?project_id= and POST /tasks. */
export const projectTaskRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/:project_id/tasks',
    {
      schema: {
        tags,
        summary: "A project's tasks",
        params: ProjectTaskParams,
        querystring: ProjectTaskListQuery,
        response: { 200: TaskPage },
      },
    },
    async (request, reply) =>
      sendJsonText(
        reply,
        await listTasks(deps, requireAuth(request).sub, {
          ...request.query,
          project_id: request.params.project_id,
        }),
      ),
  );
  app.post(
    '/:project_id/tasks',
    {
      schema: {
        tags,
        summary: 'Create a task in the project',
        params: ProjectTaskParams,
        body: CreateProjectTaskBody,
        response: { 201: Task },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createTask(deps, requireAuth(request).sub, {
          ...request.body,
          project_id: request.params.project_id,
        }),
      ),
  );
};
