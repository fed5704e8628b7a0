import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChangePasswordBody, IdParams, SessionList, UpdateProfileBody, User } from '../contract/http.ts';
import type { AuthDeps } from '../deps.ts';
import { changePassword, getProfile, updateProfile } from '../use-cases/manage-profile.ts';
import { listSessions, revokeOtherSessions, revokeSession } from '../use-cases/manage-sessions.ts';

const tags = ['auth'];
const NoContent = { 204: Type.Null() };

/** The signed-in user's own account: profile, password and devices. */
export const profileRoutes: FastifyPluginAsyncTypebox<{ deps: AuthDeps }> = async (app, { deps }) => {
  app.get('/profile', { schema: { tags, summary: 'The signed-in user', response: { 200: User } } }, (request) =>
    getProfile(deps, requireAuth(request).sub),
  );
  app.put('/profile', { schema: { tags, summary: 'Update names or username', body: UpdateProfileBody, response: { 200: User } } }, (request) =>
    updateProfile(deps, requireAuth(request).sub, request.body),
  );
  app.post(
    '/change-password',
    { schema: { tags, summary: 'Change the password; other sessions end', body: ChangePasswordBody, response: NoContent } },
    async (request, reply) => {
      const claims = requireAuth(request);
      await changePassword(deps, claims.sub, claims.sid, request.body.current_password, request.body.new_password);
      return reply.status(204).send(null);
    },
  );
  app.get('/sessions', { schema: { tags, summary: 'Active sessions (devices)', response: { 200: SessionList } } }, async (request) => ({
    items: await listSessions(deps, requireAuth(request)),
  }));
  app.delete('/sessions/:id', { schema: { tags, summary: 'Sign a device out', params: IdParams, response: NoContent } }, async (request, reply) => {
    await revokeSession(deps, requireAuth(request), request.params.id);
    return reply.status(204).send(null);
  });
  app.delete('/sessions', { schema: { tags, summary: 'Sign out every other device', response: NoContent } }, async (request, reply) => {
    await revokeOtherSessions(deps, requireAuth(request));
    return reply.status(204).send(null);
  });
};
