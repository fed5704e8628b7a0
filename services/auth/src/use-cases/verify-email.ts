import { ValidationError } from '@pm/kernel';
import type { User } from '../contract/http.ts';
import { UserEmailVerified } from '../contract/events.ts';
import { publicUser } from '../data/user.repository.ts';
import type { AuthDeps } from '../deps.ts';
import { InvalidEmailTokenError } from '../domain/auth.errors.ts';
import { hashSecret } from '../domain/secrets.ts';
import { createEmailLink } from './send-email-link.ts';

export async function verifyEmail(deps: AuthDeps, token: string): Promise<User> {
  const user = await deps.outbox.transaction(deps.db, async (trx) => {
    const userId = await deps.emailTokens.consume(trx, 'verify_email', hashSecret(token));
    if (!userId) {
      throw new InvalidEmailTokenError();
    }
    const updated = await deps.users.update(trx, userId, { email_verified: true });
    await deps.outbox.add(trx, UserEmailVerified.create({ user_id: userId, email: updated.email }, { actor_id: userId }));
    return updated;
  });
  return publicUser(user);
}

export async function resendVerification(deps: AuthDeps, userId: string): Promise<void> {
  await deps.limiter.consume(`verify-resend:${userId}`, { max: 5, windowSeconds: 3600 });
  const user = await deps.users.findById(userId);
  if (!user) {
    throw new InvalidEmailTokenError();
  }
  if (user.email_verified) {
    throw new ValidationError([{ field: 'email', message: 'is already verified' }], 'The email address is already verified');
  }
  const send = await deps.db.transaction().execute((trx) => createEmailLink(deps, trx, 'verify_email', user));
  await send();
}
