import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateOrganizationBody,
  IdParams,
  Organization,
  OrganizationListQuery,
  OrganizationPage,
  UpdateOrganizationBody,
} from '../contract/http.ts';
import type { UsersDeps } from '../deps.ts';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from '../use-cases/manage-organizations.ts';
import { callerOf } from './caller.ts';

const tags = ['organizations'];

/** Organizations themselves; members and invitations are in membership.routes.ts. */
export const organizationRoutes: FastifyPluginAsyncTypebox<{ deps: UsersDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My organizations',
        querystring: OrganizationListQuery,
        response: { 200: OrganizationPage },
      },
    },
    (request) => listOrganizations(deps, callerOf(request).id, request.query),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create an organization (I become its owner)',
        body: CreateOrganizationBody,
        response: { 201: Organization },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganization(deps, callerOf(request).id, request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'An organization', params: IdParams, response: { 200: Organization } } },
    (request) => getOrganization(deps, callerOf(request).id, request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update an organization',
        params: IdParams,
        body: UpdateOrganizationBody,
        response: { 200: Organization },
      },
    },
    (request) => updateOrganization(deps, callerOf(request).id, request.params.id, request.body),
  );
};
