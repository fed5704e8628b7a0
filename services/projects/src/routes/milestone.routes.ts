import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateMilestoneBody,
  Milestone,
  MilestoneListQuery,
  MilestonePage,
  MilestoneParams,
  ProjectParams,
  UpdateMilestoneBody,
} from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import {
  createMilestone,
  deleteMilestone,
  listMilestones,
  updateMilestone,
} from '../use-cases/manage-milestones.ts';

const tags = ['projects'];

/** A project's milestones: everyone on the project reads them, members and admins change them. */
export const milestoneRoutes: FastifyPluginAsyncTypebox<{ deps: ProjectsDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Milestones (by due date, undated last)',
        params: ProjectParams,
        querystring: MilestoneListQuery,
        response: { 200: MilestonePage },
      },
    },
    (request) => listMilestones(deps, requireAuth(request).sub, request.params.id, request.query),
  );
  app.post(
    '/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Add a milestone',
        params: ProjectParams,
        body: CreateMilestoneBody,
        response: { 201: Milestone },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createMilestone(deps, requireAuth(request).sub, request.params.id, request.body)),
  );
  app.put(
    '/:id/milestones/:milestone_id',
    {
      schema: {
        tags,
        summary: 'Change a milestone (409 when `version` is stale)',
        params: MilestoneParams,
        body: UpdateMilestoneBody,
        response: { 200: Milestone },
      },
    },
    (request) =>
      updateMilestone(
        deps,
        requireAuth(request).sub,
        request.params.id,
        request.params.milestone_id,
        request.body,
      ),
  );
  app.delete(
    '/:id/milestones/:milestone_id',
    {
      schema: {
        tags,
        summary: 'Delete a milestone',
        params: MilestoneParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteMilestone(deps, requireAuth(request).sub, request.params.id, request.params.milestone_id);
      return reply.status(204).send(null);
    },
  );
};
