import type { UpdateUserBody, User } from '../contract/http.ts';
import { ProfileUpdated } from '../contract/events.ts';
import type { ProfileChanges } from '../data/profile.repository.ts';
import type { ProfileRow } from '../data/users.tables.ts';
import type { Caller, UsersDeps } from '../deps.ts';
import {
  checkLocaleFields,
  mergeNotificationPreferences,
  notificationPreferencesOf,
} from '../domain/profile-rules.ts';
import { isOrgAdmin } from '../domain/roles.ts';
import { forbidden, UserNotFoundError, VersionConflictError } from '../domain/users.errors.ts';
import { personOfCaller, toUser } from './user-view.ts';

/** A person edits their own profile; an owner or admin edits those of their organization's members. */
async function assertMayEdit(
  deps: UsersDeps,
  callerId: string,
  userId: string,
  body: UpdateUserBody,
): Promise<void> {
  const person = await deps.directory.find(userId);
  if (callerId === userId) {
    if (person?.deleted_at) {
      throw new UserNotFoundError();
    }
    return;
  }
  const shared = person && !person.deleted_at ? await deps.members.sharedRoles(callerId, userId) : [];
  if (shared.length === 0) {
    throw new UserNotFoundError();
  }
  if (!shared.some((row) => isOrgAdmin(row.caller_role))) {
    throw forbidden('Only the person, or an owner or admin of their organization, edits a profile');
  }
  if (body.notification_preferences !== undefined) {
    throw forbidden('Notification preferences are changed by the person only', 'notification_preferences');
  }
}

function changesOf(
  body: UpdateUserBody,
  locale: ProfileChanges,
  current: ProfileRow | undefined,
): ProfileChanges {
  return {
    ...(body.avatar_url !== undefined ? { avatar_url: body.avatar_url } : {}),
    ...(body.bio !== undefined ? { bio: body.bio } : {}),
    ...locale,
    ...(body.notification_preferences !== undefined
      ? {
          notification_preferences: JSON.stringify(
            mergeNotificationPreferences(
              notificationPreferencesOf(current?.notification_preferences),
              body.notification_preferences,
            ),
          ),
        }
      : {}),
  };
}

/** The whole profile travels, so the notifications service can follow the preferences. */
function profileUpdated(profile: ProfileRow, actorId: string) {
  const { user_id, avatar_url, bio, timezone, language } = profile;
  const notification_preferences = notificationPreferencesOf(profile.notification_preferences);
  return ProfileUpdated.create(
    { user_id, avatar_url, bio, timezone, language, notification_preferences },
    { actor_id: actorId },
  );
}

/** Omitted fields keep their value; a stale `version` answers 409 with the current state. */
export async function updateUser(
  deps: UsersDeps,
  caller: Caller,
  userId: string,
  body: UpdateUserBody,
): Promise<User> {
  await assertMayEdit(deps, caller.id, userId, body);
  const locale = checkLocaleFields(body);
  const person =
    userId === caller.id ? await personOfCaller(deps, caller) : (await deps.directory.find(userId))!;
  const isSelf = userId === caller.id;
  const now = deps.clock.now();
  return deps.outbox.transaction(deps.db, async (trx) => {
    await deps.profiles.ensure(trx, userId);
    const current = await deps.profiles.find(userId, trx);
    const updated = await deps.profiles.updateAtVersion(
      trx,
      userId,
      body.version,
      changesOf(body, locale, current),
    );
    if (!updated) {
      throw new VersionConflictError('profile', toUser(person, current, isSelf, now));
    }
    await deps.outbox.add(trx, profileUpdated(updated, caller.id));
    return toUser(person, updated, isSelf, now);
  });
}
