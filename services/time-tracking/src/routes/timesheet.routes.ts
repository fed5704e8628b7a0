import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  RejectTimesheetBody,
  ReopenTimesheetBody,
  SubmitTimesheetBody,
  Timesheet,
  TimesheetListQuery,
  TimesheetPage,
  TimesheetParams,
  TimesheetWeekQuery,
} from '../contract/timesheet-http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { listTimesheetsToDecide } from '../use-cases/timesheet-list.ts';
import {
  decideTimesheet,
  submitTimesheet,
  timesheetById,
  timesheetOfWeek,
} from '../use-cases/timesheet-workflow.ts';
import { callerOf } from './caller.ts';

const tags = ['timesheets'];

/** Weekly timesheets: people submit their week; organization or project admins decide. */
export const timesheetRoutes: FastifyPluginAsyncTypebox<{ deps: TimeTrackingDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "A person's week (the caller's by default): entries, totals per day, project and billable",
        querystring: TimesheetWeekQuery,
        response: { 200: Timesheet },
      },
    },
    (request) => timesheetOfWeek(deps, callerOf(request), request.query),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: "Submit the caller's week for approval (201 the first time, 200 when resubmitted)",
        body: SubmitTimesheetBody,
        response: { 200: Timesheet, 201: Timesheet },
      },
    },
    async (request, reply) => {
      const { sheet, created } = await submitTimesheet(deps, callerOf(request), request.body);
      return reply.status(created ? 201 : 200).send(sheet);
    },
  );
  app.get(
    '/approvals',
    {
      schema: {
        tags,
        summary:
          'Timesheets the caller decides (organization admin, or admin of their projects), newest week first',
        querystring: TimesheetListQuery,
        response: { 200: TimesheetPage },
      },
    },
    (request) => listTimesheetsToDecide(deps, callerOf(request), request.query),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A timesheet', params: TimesheetParams, response: { 200: Timesheet } } },
    (request) => timesheetById(deps, callerOf(request), request.params.id),
  );
  app.put(
    '/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a submitted timesheet: rates are frozen and the week is locked',
        params: TimesheetParams,
        response: { 200: Timesheet },
      },
    },
    (request) => decideTimesheet(deps, callerOf(request), request.params.id, 'approved', null),
  );
  app.put(
    '/:id/reject',
    {
      schema: {
        tags,
        summary: 'Send a submitted timesheet back with a reason',
        params: TimesheetParams,
        body: RejectTimesheetBody,
        response: { 200: Timesheet },
      },
    },
    (request) => decideTimesheet(deps, callerOf(request), request.params.id, 'rejected', request.body.reason),
  );
  app.put(
    '/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Unlock an approved (or rejected) week so it can be corrected; recorded in its history',
        params: TimesheetParams,
        body: ReopenTimesheetBody,
        response: { 200: Timesheet },
      },
    },
    (request) =>
      decideTimesheet(deps, callerOf(request), request.params.id, 'reopened', request.body?.reason ?? null),
  );
};
