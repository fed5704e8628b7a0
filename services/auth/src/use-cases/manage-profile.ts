import { NotFoundError, UnauthorizedError } from '@pm/kernel';
import type { UpdateProfileBody, User } from '../contract/http.ts';
import { UserProfileUpdated } from '../contract/events.ts';
import { publicUser } from '../data/user.repository.ts';
import type { AuthDeps } from '../deps.ts';
import { AccountTakenError } from '../domain/auth.errors.ts';
import { hashPassword, verifyPassword } from '../domain/password-hash.ts';
import { assertAcceptablePassword } from '../domain/password-policy.ts';
import { denySession } from './sign-out.ts';

export async function getProfile(deps: AuthDeps, userId: string): Promise<User> {
  const user = await deps.users.findById(userId);
  if (!user?.is_active) {
    throw new NotFoundError('User', 'AUTH_USER_NOT_FOUND');
  }
  return publicUser(user);
}

export async function updateProfile(deps: AuthDeps, userId: string, body: UpdateProfileBody): Promise<User> {
  if (body.username && (await deps.users.isTaken('username', body.username, userId))) {
    throw new AccountTakenError('username');
  }
  const user = await deps.outbox.transaction(deps.db, async (trx) => {
    const updated = await deps.users.update(trx, userId, {
      ...(body.first_name !== undefined ? { first_name: body.first_name?.trim() || null } : {}),
      ...(body.last_name !== undefined ? { last_name: body.last_name?.trim() || null } : {}),
      ...(body.username !== undefined ? { username: body.username } : {}),
    });
    await deps.outbox.add(
      trx,
      UserProfileUpdated.create(
        { user_id: userId, username: updated.username, first_name: updated.first_name, last_name: updated.last_name },
        { actor_id: userId },
      ),
    );
    return updated;
  });
  return publicUser(user);
}

/** Changes the password after checking the current one; other sessions are signed out. */
export async function changePassword(
  deps: AuthDeps,
  userId: string,
  currentSession: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await deps.users.findById(userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
    const error = new UnauthorizedError('The current password is incorrect', 'AUTH_INVALID_CREDENTIALS');
    error.errors.push({ field: 'current_password', message: 'is incorrect' });
    throw error;
  }
  assertAcceptablePassword(newPassword, 'new_password', [user.username, user.email.split('@')[0] ?? '']);
  const revoked = await deps.db.transaction().execute(async (trx) => {
    await deps.users.update(trx, userId, { password_hash: await hashPassword(newPassword) });
    return deps.sessions.revokeAllOfUser(trx, userId, currentSession);
  });
  await Promise.all(revoked.map((family) => denySession(deps, family)));
}
