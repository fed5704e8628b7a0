import { Type, type Static, type TOptional, type TProperties } from 'typebox';

// Nested objects close themselves: the kernel closes only the top level of a body.
const Closed = { additionalProperties: false } as const;

/** The same fields, each optional, still closed (TypeBox's Partial drops additionalProperties). */
function PartialOf<P extends TProperties>(properties: P) {
  return Type.Object(
    Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
      [K in keyof P]: TOptional<P[K]>;
    },
    Closed,
  );
}

const channelFields = {
  task_assigned: Type.Boolean(),
  task_commented: Type.Boolean(),
  mentioned: Type.Boolean(),
  due_soon: Type.Boolean(),
  invitation: Type.Boolean(),
};

/** Which kinds of notification one channel (email, in-app) delivers. */
export const NotificationChannel = Type.Object(channelFields, Closed);
export type NotificationChannel = Static<typeof NotificationChannel>;

export const Digest = Type.Union([Type.Literal('off'), Type.Literal('daily'), Type.Literal('weekly')]);

/** A person's notification preferences, per channel, plus the email digest frequency. */
export const NotificationPreferences = Type.Object(
  { email: NotificationChannel, in_app: NotificationChannel, digest: Digest },
  Closed,
);
export type NotificationPreferences = Static<typeof NotificationPreferences>;

/** The keys a PUT names change; the others keep their value. */
export const NotificationPreferencesPatch = Type.Object(
  {
    email: Type.Optional(PartialOf(channelFields)),
    in_app: Type.Optional(PartialOf(channelFields)),
    digest: Type.Optional(Digest),
  },
  Closed,
);
export type NotificationPreferencesPatch = Static<typeof NotificationPreferencesPatch>;

const everything: NotificationChannel = {
  task_assigned: true,
  task_commented: true,
  mentioned: true,
  due_soon: true,
  invitation: true,
};

/** What a new profile starts with. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  email: everything,
  in_app: everything,
  digest: 'off',
};

const organizationSettingsFields = {
  /** People whose verified email is at the organization's `domain` join it as members. */
  allow_domain_join: Type.Boolean(),
  /** First day of the week in calendars and reports. */
  week_start: Type.Union([Type.Literal('monday'), Type.Literal('sunday')]),
  /** Time entries of one person may overlap (otherwise an overlapping entry is refused). */
  allow_overlapping_time_entries: Type.Boolean(),
  /** Hours after which a running timer is flagged to its user; null: the time tracking service's default. */
  timer_limit_hours: Type.Union([Type.Integer({ minimum: 1, maximum: 168 }), Type.Null()]),
};

/** An organization's settings. */
export const OrganizationSettings = Type.Object(organizationSettingsFields, Closed);
export type OrganizationSettings = Static<typeof OrganizationSettings>;

/** The keys a request names change; the others keep their value. */
export const OrganizationSettingsPatch = PartialOf(organizationSettingsFields);
export type OrganizationSettingsPatch = Static<typeof OrganizationSettingsPatch>;

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  allow_domain_join: false,
  week_start: 'monday',
  allow_overlapping_time_entries: false,
  timer_limit_hours: null,
};
