import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Task } from '../contract/http.ts';
import {
  ApplyTaskTemplateBody,
  CreateTaskTemplateBody,
  TaskTemplate,
  TaskTemplateListQuery,
  TaskTemplatePage,
  TaskTemplateParams,
  UpdateTaskTemplateBody,
} from '../contract/http-templates.ts';
import type { TasksDeps } from '../deps.ts';
import { applyTaskTemplate } from '../use-cases/apply-task-template.ts';
import {
  createTaskTemplate,
  deleteTaskTemplate,
  getTaskTemplate,
  listTaskTemplates,
  updateTaskTemplate,
} from '../use-cases/manage-task-templates.ts';

const tags = ['task templates'];

/** Reusable tasks with sub-tasks, of an organization or of one project. */
export const taskTemplateRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Task templates of an organization (organization_id) or usable in a project (project_id)',
        querystring: TaskTemplateListQuery,
        response: { 200: TaskTemplatePage },
      },
    },
    (request) => listTaskTemplates(deps, requireAuth(request).sub, request.query),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a task template',
        body: CreateTaskTemplateBody,
        response: { 201: TaskTemplate },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTaskTemplate(deps, requireAuth(request).sub, request.body)),
  );
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A task template',
        params: TaskTemplateParams,
        response: { 200: TaskTemplate },
      },
    },
    (request) => getTaskTemplate(deps, requireAuth(request).sub, request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a task template (its author or an admin)',
        params: TaskTemplateParams,
        body: UpdateTaskTemplateBody,
        response: { 200: TaskTemplate },
      },
    },
    (request) => updateTaskTemplate(deps, requireAuth(request).sub, request.params.id, request.body),
  );
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a task template (its author or an admin)',
        params: TaskTemplateParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteTaskTemplate(deps, requireAuth(request).sub, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/:id/apply',
    {
      schema: {
        tags,
        summary: "Create the template's task and its sub-tasks in a project",
        params: TaskTemplateParams,
        body: ApplyTaskTemplateBody,
        response: { 201: Task },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyTaskTemplate(deps, requireAuth(request).sub, request.params.id, request.body)),
  );
};
