import type { AuthDeps, ClientInfo } from '../deps.ts';
import { InvalidEmailTokenError } from '../domain/auth.errors.ts';
import { hashPassword } from '../domain/password-hash.ts';
import { assertAcceptablePassword } from '../domain/password-policy.ts';
import { hashSecret } from '../domain/secrets.ts';
import { createEmailLink } from './send-email-link.ts';
import { denySession } from './sign-out.ts';

/** Emails a reset link when the account exists; the answer is the same either way. */
export async function requestPasswordReset(deps: AuthDeps, email: string, client: ClientInfo): Promise<void> {
  await deps.limiter.consume(`forgot:${client.ip}`, { max: deps.config.AUTH_ACCOUNT_REQUESTS_PER_IP, windowSeconds: 3600 });
  // Per address too, counted whether or not the account exists, so the limit reveals nothing.
  try {
    await deps.limiter.consume(`forgot:${email.trim().toLowerCase()}`, { max: 3, windowSeconds: 3600 });
  } catch {
    return;
  }
  const user = await deps.users.findByEmail(email.trim());
  if (!user?.is_active) {
    return;
  }
  const send = await deps.db.transaction().execute((trx) => createEmailLink(deps, trx, 'reset_password', user));
  // Sending is not awaited, so the answer takes as long whether an email goes out or not.
  void send();
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function resetPassword(deps: AuthDeps, token: string, password: string): Promise<void> {
  const revoked = await deps.db.transaction().execute(async (trx) => {
    const userId = await deps.emailTokens.consume(trx, 'reset_password', hashSecret(token));
    const user = userId ? await deps.users.findById(userId, trx) : undefined;
    if (!user) {
      throw new InvalidEmailTokenError();
    }
    assertAcceptablePassword(password, 'password', [user.username, user.email.split('@')[0] ?? '']);
    await deps.users.update(trx, user.id, { password_hash: await hashPassword(password) });
    return deps.sessions.revokeAllOfUser(trx, user.id);
  });
  await Promise.all(revoked.map((family) => denySession(deps, family)));
}
