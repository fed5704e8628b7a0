import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RunningTimer, StartTimerBody, StartTimerResult, StopTimerResult } from '../contract/http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { runningTimer, startTimer, stopTimer } from '../use-cases/timers.ts';
import { callerOf } from './caller.ts';

const tags = ['timer'];

/** The caller's one running timer. */
export const timerRoutes: FastifyPluginAsyncTypebox<{ deps: TimeTrackingDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: { tags, summary: 'The running timer (entry null when none)', response: { 200: RunningTimer } },
    },
    (request) => runningTimer(deps, callerOf(request)),
  );
  app.post(
    '/start',
    {
      schema: {
        tags,
        summary: 'Start a timer now (stops the running one)',
        body: StartTimerBody,
        response: { 201: StartTimerResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startTimer(deps, callerOf(request), request.body ?? {})),
  );
  app.post(
    '/stop',
    {
      schema: {
        tags,
        summary: 'Stop the running timer (409 when none runs; entry null: discarded within its first minute)',
        response: { 200: StopTimerResult },
      },
    },
    (request) => stopTimer(deps, callerOf(request)),
  );
};
