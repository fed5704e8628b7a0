import { ValidationError, type FieldError } from '@pm/kernel';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  DEFAULT_ORGANIZATION_SETTINGS,
  type NotificationPreferences,
  type NotificationPreferencesPatch,
  type OrganizationSettings,
  type OrganizationSettingsPatch,
} from '../contract/settings.ts';

// Intl's list leaves out the plain "UTC" alias, which people and browsers commonly send.
const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export function isTimeZone(value: string): boolean {
  return TIME_ZONES.has(value);
}

/** The canonical form of a BCP 47 tag (`en-us` → `en-US`), or undefined when it is not one. */
export function canonicalLanguage(value: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical;
  } catch {
    return undefined;
  }
}

/**
 * Checks what the schema cannot (time zone and language against the runtime's data) and returns
 * the values to store. Every bad field is reported at once.
 */
export function checkLocaleFields(input: { timezone?: string | null; language?: string | null }): {
  timezone?: string | null;
  language?: string | null;
} {
  const errors: FieldError[] = [];
  const result: { timezone?: string | null; language?: string | null } = {};
  if (input.timezone !== undefined) {
    if (input.timezone !== null && !isTimeZone(input.timezone)) {
      errors.push({ field: 'timezone', message: 'is not an IANA time zone (e.g. Europe/Paris)' });
    }
    result.timezone = input.timezone;
  }
  if (input.language !== undefined) {
    const canonical = input.language === null ? null : canonicalLanguage(input.language);
    if (canonical === undefined) {
      errors.push({ field: 'language', message: 'is not a BCP 47 language tag (e.g. en-GB)' });
    }
    result.language = canonical ?? null;
  }
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return result;
}

/** Stored preferences over the defaults, so keys added later get their default. */
export function notificationPreferencesOf(stored: unknown): NotificationPreferences {
  return mergeNotificationPreferences(DEFAULT_NOTIFICATION_PREFERENCES, stored ?? {});
}

export function mergeNotificationPreferences(
  current: NotificationPreferences,
  patch: NotificationPreferencesPatch,
): NotificationPreferences {
  return {
    email: { ...current.email, ...patch.email },
    in_app: { ...current.in_app, ...patch.in_app },
    digest: patch.digest ?? current.digest,
  };
}

/** Stored settings over the defaults, so keys added later get their default. */
export function organizationSettingsOf(
  stored: unknown,
  patch: OrganizationSettingsPatch = {},
): OrganizationSettings {
  return { ...DEFAULT_ORGANIZATION_SETTINGS, ...(stored as OrganizationSettingsPatch | null), ...patch };
}
