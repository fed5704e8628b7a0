import type { Profile, User } from '../contract/http.ts';
import type { DirectoryRow, ProfileRow } from '../data/users.tables.ts';
import type { Caller, UsersDeps } from '../deps.ts';
import { notificationPreferencesOf } from '../domain/profile-rules.ts';
import { displayName } from '../domain/roles.ts';

type Person = Pick<
  DirectoryRow,
  'user_id' | 'email' | 'username' | 'first_name' | 'last_name' | 'is_active' | 'email_verified'
>;

/**
 * The caller as their token describes them, for the moment between sign-up and the arrival of the
 * account event (events are asynchronous).
 */
export function personFromClaims(caller: Caller): Person {
  return {
    user_id: caller.id,
    email: caller.email,
    username: caller.username,
    first_name: null,
    last_name: null,
    is_active: true,
    email_verified: false,
  };
}

function toProfile(row: ProfileRow | undefined, withPreferences: boolean, now: Date): Profile {
  return {
    avatar_url: row?.avatar_url ?? null,
    bio: row?.bio ?? null,
    timezone: row?.timezone ?? null,
    language: row?.language ?? null,
    ...(withPreferences
      ? { notification_preferences: notificationPreferencesOf(row?.notification_preferences) }
      : {}),
    version: row?.version ?? 1,
    updated_at: (row?.updated_at ?? now).toISOString(),
  };
}

/** Notification preferences are shown to the person themselves only. */
export function toUser(
  person: Person,
  profile: ProfileRow | undefined,
  withPreferences: boolean,
  now: Date,
): User {
  return {
    id: person.user_id,
    username: person.username,
    email: person.email,
    first_name: person.first_name,
    last_name: person.last_name,
    display_name: displayName(person),
    is_active: person.is_active,
    email_verified: person.email_verified,
    profile: toProfile(profile, withPreferences, now),
  };
}

/** The directory row of the caller, or what their token says while it is on its way. */
export async function personOfCaller(deps: UsersDeps, caller: Caller): Promise<Person> {
  return (await deps.directory.find(caller.id)) ?? personFromClaims(caller);
}
