import { Type, type Static } from 'typebox';
import { Closed, EntryFilters, ExportFormat, Nullable } from './http.ts';

export const GroupBy = Type.Union([
  Type.Literal('user'),
  Type.Literal('project'),
  Type.Literal('task'),
  Type.Literal('day'),
  Type.Literal('week'),
]);
export type GroupBy = Static<typeof GroupBy>;

export const AnalyticsQuery = Type.Object(
  { ...EntryFilters, group_by: GroupBy, format: Type.Optional(ExportFormat) },
  Closed,
);
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

/** Amounts per currency (`{ "EUR": 120.5 }`): rates may differ in currency. */
const Amounts = Type.Record(Type.String(), Type.Number());

const Figures = {
  minutes: Type.Integer(),
  hours: Type.Number(),
  billable_hours: Type.Number(),
  amounts: Amounts,
};

export const AnalyticsGroup = Type.Object({
  /** The user, project or task id, or the day / week start date; null: entries without one. */
  key: Nullable(Type.String()),
  /** A project's name, a task's key and title; null for users, days and weeks. */
  label: Nullable(Type.String()),
  /** Time zones the days of this group are counted in (each person's own). */
  time_zones: Type.Array(Type.String()),
  ...Figures,
});
export type AnalyticsGroup = Static<typeof AnalyticsGroup>;

export const AnalyticsReport = Type.Object({
  group_by: GroupBy,
  groups: Type.Array(AnalyticsGroup),
  totals: Type.Object(Figures),
});
export type AnalyticsReport = Static<typeof AnalyticsReport>;
