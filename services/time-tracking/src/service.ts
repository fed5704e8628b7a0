import { fileURLToPath } from 'node:url';
import { loadConfig, requireAuth, type ServiceContext, type ServiceModule } from '@pm/kernel';
import type { Kysely } from 'kysely';
import { TimeTrackingConfig } from './config.ts';
import { AnalyticsRepository } from './data/analytics.repository.ts';
import { EntryRepository } from './data/entry.repository.ts';
import { RateRepository } from './data/rate.repository.ts';
import { ReadModelRepository } from './data/read-model.repository.ts';
import { TimesheetRepository } from './data/timesheet.repository.ts';
import type { TimeTrackingDatabase } from './data/time.tables.ts';
import type { TimeTrackingDeps } from './deps.ts';
import { analyticsRoutes } from './routes/analytics.routes.ts';
import { entryRoutes } from './routes/entry.routes.ts';
import { rateRoutes } from './routes/rate.routes.ts';
import { timerRoutes } from './routes/timer.routes.ts';
import { timesheetRoutes } from './routes/timesheet.routes.ts';
import { subscribeToReadModels } from './subscribers/read-model.subscriber.ts';
import { flagLongRunningTimers } from './use-cases/long-running-sweep.ts';

/** The time tracking service: entries, timers, weekly timesheets with approval, rates, reports. */
export function createTimeTrackingService(ctx: ServiceContext): ServiceModule & { deps: TimeTrackingDeps } {
  const db = ctx.db as Kysely<TimeTrackingDatabase>;
  const config = loadConfig(TimeTrackingConfig, ctx.env);
  const limit = config.TIME_TRACKING_TIMER_LIMIT_HOURS;
  const deps: TimeTrackingDeps = {
    db,
    config,
    readModels: new ReadModelRepository(db),
    entries: new EntryRepository(db, limit),
    timesheets: new TimesheetRepository(db, limit),
    rates: new RateRepository(db),
    analytics: new AnalyticsRepository(db, limit),
    outbox: ctx.outbox,
    clock: ctx.clock,
    logger: ctx.logger,
  };
  let sweep: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;
  const runSweep = () => {
    sweeping ??= flagLongRunningTimers(deps)
      .catch((error: unknown) => ctx.logger.warn({ err: error }, 'long-running timer sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  };
  return {
    name: 'time-tracking',
    deps,
    routePrefixes: ['/time-entries', '/timesheets', '/time-analytics', '/hourly-rates'],
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    routes: async (app) => {
      // Every route needs a caller; checking before validation answers 401, not 400, to anonymous requests.
      app.addHook('onRequest', async (request) => {
        requireAuth(request);
      });
      await app.register(timerRoutes, { prefix: '/time-entries/timer', deps });
      await app.register(entryRoutes, { prefix: '/time-entries', deps });
      await app.register(timesheetRoutes, { prefix: '/timesheets', deps });
      await app.register(rateRoutes, { prefix: '/hourly-rates', deps });
      await app.register(analyticsRoutes, { prefix: '/time-analytics', deps });
    },
    start: async () => {
      await subscribeToReadModels({ db, bus: ctx.bus, logger: ctx.logger, metrics: ctx.metrics });
      sweep = setInterval(runSweep, config.TIME_TRACKING_SWEEP_INTERVAL_SECONDS * 1000);
      sweep.unref();
    },
    stop: async () => {
      clearInterval(sweep);
      await sweeping;
    },
  };
}
