import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateRateBody,
  HourlyRate,
  RateListQuery,
  RatePage,
  RateParams,
  UpdateRateBody,
} from '../contract/rate-http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { createRate, deleteRate, getRate, listRates, updateRate } from '../use-cases/manage-rates.ts';
import { callerOf } from './caller.ts';

const tags = ['hourly rates'];

/** Hourly rates: organization owners and admins set them; a person reads their own. */
export const rateRoutes: FastifyPluginAsyncTypebox<{ deps: TimeTrackingDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Rates the caller sees',
        querystring: RateListQuery,
        response: { 200: RatePage },
      },
    },
    (request) => listRates(deps, callerOf(request), request.query),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Set a rate from a date on',
        body: CreateRateBody,
        response: { 201: HourlyRate },
      },
    },
    async (request, reply) => reply.status(201).send(await createRate(deps, callerOf(request), request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A rate', params: RateParams, response: { 200: HourlyRate } } },
    (request) => getRate(deps, callerOf(request), request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a rate (approved entries keep theirs)',
        params: RateParams,
        body: UpdateRateBody,
        response: { 200: HourlyRate },
      },
    },
    (request) => updateRate(deps, callerOf(request), request.params.id, request.body),
  );
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete a rate', params: RateParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteRate(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
