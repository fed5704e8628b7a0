import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateInvitationBody,
  IdParams,
  Invitation,
  InvitationListQuery,
  InvitationPage,
  MemberListQuery,
  MemberPage,
  MemberParams,
  OrganizationMember,
  UpdateMemberBody,
} from '../contract/http.ts';
import type { UsersDeps } from '../deps.ts';
import { createInvitation } from '../use-cases/invite.ts';
import { listInvitations } from '../use-cases/manage-invitations.ts';
import { changeMemberRole, listMembers, removeMember } from '../use-cases/manage-members.ts';
import { callerOf, NoContent } from './caller.ts';

const tags = ['organizations'];

/** An organization's members and invitations. */
export const membershipRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/members',
    {
      schema: {
        tags,
        summary: 'Members',
        params: IdParams,
        querystring: MemberListQuery,
        response: { 200: MemberPage },
      },
    },
    (request) => listMembers(deps, callerOf(request).id, request.params.id, request.query),
  );
  app.put(
    '/:id/members/:user_id',
    {
      schema: {
        tags,
        summary: "Change a member's role (the last owner stays owner)",
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: OrganizationMember },
      },
    },
    (request) =>
      changeMemberRole(
        deps,
        callerOf(request).id,
        request.params.id,
        request.params.user_id,
        request.body.role,
      ),
  );
  app.delete(
    '/:id/members/:user_id',
    { schema: { tags, summary: 'Remove a member, or leave', params: MemberParams, response: NoContent } },
    async (request, reply) => {
      await removeMember(deps, callerOf(request).id, request.params.id, request.params.user_id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations',
        params: IdParams,
        querystring: InvitationListQuery,
        response: { 200: InvitationPage },
      },
    },
    (request) => listInvitations(deps, callerOf(request).id, request.params.id, request.query),
  );
  app.post(
    '/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email',
        params: IdParams,
        body: CreateInvitationBody,
        response: { 201: Invitation },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInvitation(deps, callerOf(request).id, request.params.id, request.body)),
  );
};
