import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddMemberBody,
  MemberListQuery,
  MemberPage,
  MemberParams,
  ProjectMember,
  ProjectParams,
  UpdateMemberBody,
} from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import { addMember, changeMemberRole, listMembers, removeMember } from '../use-cases/manage-members.ts';

const tags = ['projects'];

/** Explicit project memberships; admins manage them, anyone may leave. */
export const memberRoutes: FastifyPluginAsyncTypebox<{ deps: ProjectsDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/members',
    {
      schema: {
        tags,
        summary: 'Members (admins first, then by user id)',
        params: ProjectParams,
        querystring: MemberListQuery,
        response: { 200: MemberPage },
      },
    },
    (request) => listMembers(deps, requireAuth(request).sub, request.params.id, request.query),
  );
  app.post(
    '/:id/members',
    {
      schema: {
        tags,
        summary: "Add a member of the project's organization",
        params: ProjectParams,
        body: AddMemberBody,
        response: { 201: ProjectMember },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addMember(deps, requireAuth(request).sub, request.params.id, request.body)),
  );
  app.put(
    '/:id/members/:user_id',
    {
      schema: {
        tags,
        summary: "Change a member's role (the last admin stays admin)",
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: ProjectMember },
      },
    },
    (request) =>
      changeMemberRole(
        deps,
        requireAuth(request).sub,
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
        summary: 'Remove a member, or leave (the last admin stays)',
        params: MemberParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeMember(deps, requireAuth(request).sub, request.params.id, request.params.user_id);
      return reply.status(204).send(null);
    },
  );
};
