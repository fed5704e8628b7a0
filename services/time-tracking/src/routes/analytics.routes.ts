import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsQuery, AnalyticsReport } from '../contract/analytics-http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { timeAnalytics } from '../use-cases/analytics.ts';
import { reportCsv } from '../use-cases/csv-export.ts';
import { callerOf, csvHeaders, wantsCsv } from './caller.ts';

/** Grouped hours, billable hours and amounts over the entries the caller sees. */
export const analyticsRoutes: FastifyPluginAsyncTypebox<{ deps: TimeTrackingDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['time analytics'],
        summary: 'Hours and amounts grouped by user, project, task, day or week (CSV with format=csv)',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsReport },
      },
    },
    async (request, reply) => {
      const report = await timeAnalytics(deps, callerOf(request), request.query);
      // A CSV string is sent as it is; the JSON schema types the other answer.
      if (wantsCsv(request, request.query.format)) {
        const name = `time-by-${request.query.group_by}`;
        return reply.headers(csvHeaders(name, deps.clock.now())).send(reportCsv(report) as never);
      }
      return report;
    },
  );
};
