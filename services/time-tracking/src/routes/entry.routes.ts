import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateEntryBody,
  EntryListQuery,
  EntryPage,
  EntryParams,
  TimeEntry,
  UpdateEntryBody,
} from '../contract/http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { exportEntries } from '../use-cases/csv-export.ts';
import { createEntry, deleteEntry, getEntry, listEntries, updateEntry } from '../use-cases/manage-entries.ts';
import { callerOf, csvHeaders, wantsCsv } from './caller.ts';

const tags = ['time entries'];

/** Time entries: people log their own; organization admins and project admins see others'. */
export const entryRoutes: FastifyPluginAsyncTypebox<{ deps: TimeTrackingDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Entries the caller sees, newest first (CSV of every match with format=csv or Accept: text/csv)',
        querystring: EntryListQuery,
        response: { 200: EntryPage },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      // A CSV string is sent as it is; the JSON schema types the page.
      if (wantsCsv(request, request.query.format)) {
        const csv = await exportEntries(deps, caller, request.query);
        return reply.headers(csvHeaders('time-entries', deps.clock.now())).send(csv as never);
      }
      return listEntries(deps, caller, request.query);
    },
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Log finished time', body: CreateEntryBody, response: { 201: TimeEntry } } },
    async (request, reply) =>
      reply.status(201).send(await createEntry(deps, callerOf(request), request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'An entry', params: EntryParams, response: { 200: TimeEntry } } },
    (request) => getEntry(deps, callerOf(request), request.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change an entry (409 when stale, overlapping or in an approved week)',
        params: EntryParams,
        body: UpdateEntryBody,
        response: { 200: TimeEntry },
      },
    },
    (request) => updateEntry(deps, callerOf(request), request.params.id, request.body),
  );
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete an entry', params: EntryParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteEntry(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
