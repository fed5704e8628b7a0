import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateTeamBody, IdParams, Team, TeamListQuery, TeamPage, UpdateTeamBody } from '../contract/http.ts';
import type { UsersDeps } from '../deps.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from '../use-cases/manage-teams.ts';
import { callerOf, NoContent } from './caller.ts';

const tags = ['teams'];

/** Teams of the caller's organizations; members are in team-member.routes.ts. */
export const teamRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Teams of my organizations',
        querystring: TeamListQuery,
        response: { 200: TeamPage },
      },
    },
    (request) => listTeams(deps, callerOf(request).id, request.query),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a team (I become its lead)',
        body: CreateTeamBody,
        response: { 201: Team },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTeam(deps, callerOf(request).id, request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A team', params: IdParams, response: { 200: Team } } },
    (request) => getTeam(deps, callerOf(request).id, request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a team',
        params: IdParams,
        body: UpdateTeamBody,
        response: { 200: Team },
      },
    },
    (request) => updateTeam(deps, callerOf(request).id, request.params.id, request.body),
  );
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete a team', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await deleteTeam(deps, callerOf(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
