import { Type, type Static } from 'typebox';

export const TimeTrackingConfig = Type.Object({
  /** Hours after which a running timer is flagged, unless the organization's settings say otherwise. */
  TIME_TRACKING_TIMER_LIMIT_HOURS: Type.Integer({ minimum: 1, maximum: 168, default: 10 }),
  /** Seconds between two sweeps for long-running timers (each instance sweeps; rows are claimed once). */
  TIME_TRACKING_SWEEP_INTERVAL_SECONDS: Type.Integer({ minimum: 1, default: 300 }),
  /** Most entries one CSV export writes; a larger selection asks for narrower filters. */
  TIME_TRACKING_EXPORT_MAX_ROWS: Type.Integer({ minimum: 1, default: 100_000 }),
});
export type TimeTrackingConfig = Static<typeof TimeTrackingConfig>;
