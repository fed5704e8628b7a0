import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddTeamMemberBody,
  IdParams,
  TeamMember,
  TeamMemberListQuery,
  TeamMemberPage,
  TeamMemberParams,
  UpdateTeamMemberBody,
} from '../contract/http.ts';
import type { UsersDeps } from '../deps.ts';
import {
  addTeamMember,
  changeTeamMemberRole,
  listTeamMembers,
  removeTeamMember,
} from '../use-cases/manage-team-members.ts';
import { callerOf, NoContent } from './caller.ts';

const tags = ['teams'];

/** A team's members: organization owners and admins, or the team's leads, manage them. */
export const teamMemberRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/members',
    {
      schema: {
        tags,
        summary: 'Team members',
        params: IdParams,
        querystring: TeamMemberListQuery,
        response: { 200: TeamMemberPage },
      },
    },
    (request) => listTeamMembers(deps, callerOf(request).id, request.params.id, request.query),
  );
  app.post(
    '/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member of the organization',
        params: IdParams,
        body: AddTeamMemberBody,
        response: { 201: TeamMember },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addTeamMember(deps, callerOf(request).id, request.params.id, request.body)),
  );
  app.put(
    '/:id/members/:user_id',
    {
      schema: {
        tags,
        summary: "Change a team member's role",
        params: TeamMemberParams,
        body: UpdateTeamMemberBody,
        response: { 200: TeamMember },
      },
    },
    (request) =>
      changeTeamMemberRole(
        deps,
        callerOf(request).id,
        request.params.id,
        request.params.user_id,
        request.body.role,
      ),
  );
  app.delete(
    '/:id/members/:user_id',
    {
      schema: {
        tags,
        summary: 'Remove a team member, or leave',
        params: TeamMemberParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await removeTeamMember(deps, callerOf(request).id, request.params.id, request.params.user_id);
      return reply.status(204).send(null);
    },
  );
};
