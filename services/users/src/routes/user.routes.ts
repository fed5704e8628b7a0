import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Me,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
  UserTeamListQuery,
  UserTeamPage,
} from '../contract/http.ts';
import type { UsersDeps } from '../deps.ts';
import { deleteUser } from '../use-cases/delete-user.ts';
import { updateUser } from '../use-cases/update-profile.ts';
import { getMe, getUser, listUsers, listUserTeams } from '../use-cases/view-users.ts';
import { callerOf, NoContent } from './caller.ts';

const tags = ['users'];

/** People and their profiles, seen from the caller's organizations. */
export const userRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Search people of my organizations',
        querystring: UserListQuery,
        response: { 200: UserPage },
      },
    },
    (request) => listUsers(deps, callerOf(request).id, request.query),
  );
  app.get(
    '/me',
    { schema: { tags, summary: 'Me, my profile and my organizations', response: { 200: Me } } },
    (request) => getMe(deps, callerOf(request)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A person and their profile', params: IdParams, response: { 200: User } } },
    (request) => getUser(deps, callerOf(request), request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a profile',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    (request) => updateUser(deps, callerOf(request), request.params.id, request.body),
  );
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete an account (personal data removed, id kept)',
        params: IdParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await deleteUser(deps, callerOf(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/:id/teams',
    {
      schema: {
        tags,
        summary: "A person's teams in my organizations",
        params: IdParams,
        querystring: UserTeamListQuery,
        response: { 200: UserTeamPage },
      },
    },
    (request) => listUserTeams(deps, callerOf(request).id, request.params.id, request.query),
  );
};
