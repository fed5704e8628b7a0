import { describe, expect, it } from 'vitest';
import {
  isVerifiedClaim,
  safeReturnTo,
  splitName,
  usernameBase,
  usernameCandidates,
} from './oauth-identity.ts';

describe('provider identities', () => {
  it('derives a valid username from preferred_username, else the email local part', () => {
    expect(usernameBase({ preferredUsername: 'Ada Lovelace!', email: 'a@x.test' })).toBe('AdaLovelace');
    expect(usernameBase({ preferredUsername: 'x', email: 'grace.hopper@x.test' })).toBe('grace.hopper');
    expect(usernameBase({ preferredUsername: null, email: 'jo@x.test' })).toBe('userjo');
    expect(usernameBase({ preferredUsername: 'Zoë', email: null })).toBe('Zoe');
    expect(usernameBase({ preferredUsername: 'a'.repeat(200), email: null })).toHaveLength(90);
    expect(usernameCandidates('ada', 3)).toEqual(['ada', 'ada2', 'ada3']);
  });

  it('counts only true (or "true") as a verified email', () => {
    expect([true, 'true', false, 'false', undefined, 1].map(isVerifiedClaim)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('splits a display name when no given and family names are sent', () => {
    expect(splitName('Ada King Lovelace')).toEqual({ firstName: 'Ada', lastName: 'King Lovelace' });
    expect(splitName('Ada')).toEqual({ firstName: 'Ada', lastName: null });
    expect(splitName(null)).toEqual({ firstName: null, lastName: null });
  });

  it('keeps return_to only when it is a path on this site', () => {
    expect(safeReturnTo('/projects/1?tab=board')).toBe('/projects/1?tab=board');
    for (const unsafe of [
      '//evil.test',
      '/\\evil.test',
      'https://evil.test',
      'projects',
      '/a\tb',
      undefined,
    ]) {
      expect(safeReturnTo(unsafe)).toBeNull();
    }
  });
});
