import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AcceptInvitationBody,
  IdParams,
  Invitation,
  InvitationLookup,
  InvitationLookupQuery,
  Organization,
} from '../contract/http.ts';
import type { UsersDeps } from '../deps.ts';
import { acceptInvitation } from '../use-cases/accept-invitation.ts';
import { resendInvitation } from '../use-cases/invite.ts';
import { lookupInvitation, revokeInvitation } from '../use-cases/manage-invitations.ts';
import { callerOf, NoContent } from './caller.ts';

const tags = ['invitations'];

/** Public: the accept page shows the invitation before the person signs in or up. */
export const invitationLookupRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/lookup',
    {
      schema: {
        tags,
        summary: 'An invitation, by its emailed token',
        querystring: InvitationLookupQuery,
        response: { 200: InvitationLookup },
      },
    },
    (request) => lookupInvitation(deps, request.query.token),
  );
};

export const invitationRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (app, { deps }) => {
  app.post(
    '/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation sent to my email',
        body: AcceptInvitationBody,
        response: { 200: Organization },
      },
    },
    (request) => acceptInvitation(deps, callerOf(request), request.body.token),
  );
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Revoke an invitation', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await revokeInvitation(deps, callerOf(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/:id/resend',
    {
      schema: {
        tags,
        summary: 'Email the invitation again with a new link',
        params: IdParams,
        response: { 200: Invitation },
      },
    },
    (request) => resendInvitation(deps, callerOf(request).id, request.params.id),
  );
};
