import { ValidationError } from '@pm/kernel';
import { describe, expect, it } from 'vitest';
import {
  canonicalLanguage,
  checkLocaleFields,
  isTimeZone,
  mergeNotificationPreferences,
  notificationPreferencesOf,
} from './profile-rules.ts';

describe('profile rules', () => {
  it('accepts IANA time zones and UTC, refuses made-up ones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('canonicalizes BCP 47 tags and refuses malformed ones', () => {
    expect(canonicalLanguage('en-us')).toBe('en-US');
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLanguage('english please')).toBeUndefined();
  });

  it('reports every bad locale field at once', () => {
    const run = () => checkLocaleFields({ timezone: 'Nowhere', language: '??' });
    expect(run).toThrow(ValidationError);
    try {
      run();
    } catch (error) {
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['timezone', 'language']);
    }
    expect(checkLocaleFields({ timezone: null, language: 'fr-ca' })).toEqual({
      timezone: null,
      language: 'fr-CA',
    });
  });

  it('merges a preferences patch over stored values and defaults', () => {
    const stored = notificationPreferencesOf({ digest: 'weekly' });
    expect(stored.email.mentioned).toBe(true);
    const merged = mergeNotificationPreferences(stored, { email: { mentioned: false } });
    expect(merged).toMatchObject({ digest: 'weekly', email: { mentioned: false, task_assigned: true } });
  });
});
