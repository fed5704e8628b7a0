// The time tracking service's HTTP types, straight from its contract (type-only: nothing is bundled).
import type { EntryListQuery } from '@pm/time-tracking/contract';

export type {
  AnalyticsQuery,
  AnalyticsReport,
  CreateEntryBody,
  CreateRateBody,
  HourlyRate,
  StartTimerBody,
  TimeEntry,
  Timesheet,
  TimesheetStatus,
  TimesheetSummary,
  UpdateEntryBody,
  UpdateRateBody,
} from '@pm/time-tracking/contract';

/** The filters a screen sets on the entry list: paging and format are the API layer's business. */
export type EntryFilters = Omit<EntryListQuery, 'cursor' | 'limit' | 'format'>;
