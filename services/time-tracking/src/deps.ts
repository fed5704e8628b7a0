import type { Clock, Logger, Outbox } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { TimeTrackingConfig } from './config.ts';
import type { AnalyticsRepository } from './data/analytics.repository.ts';
import type { EntryRepository } from './data/entry.repository.ts';
import type { RateRepository } from './data/rate.repository.ts';
import type { ReadModelRepository } from './data/read-model.repository.ts';
import type { TimesheetRepository } from './data/timesheet.repository.ts';
import type { TimeTrackingDatabase } from './data/time.tables.ts';

/** Everything the time tracking use cases need, built once in service.ts. */
export interface TimeTrackingDeps {
  db: Kysely<TimeTrackingDatabase>;
  config: TimeTrackingConfig;
  readModels: ReadModelRepository;
  entries: EntryRepository;
  timesheets: TimesheetRepository;
  rates: RateRepository;
  analytics: AnalyticsRepository;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
}
