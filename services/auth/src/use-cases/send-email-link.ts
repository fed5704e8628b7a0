import type { Transaction } from 'kysely';
import type { AuthDatabase } from '../data/auth.tables.ts';
import type { AuthDeps } from '../deps.ts';
import { hashSecret, newSecret } from '../domain/secrets.ts';

const LINKS = {
  verify_email: {
    path: '/verify-email',
    ttlMs: 24 * 3_600_000,
    subject: 'Confirm your email address',
    text: (link: string) =>
      `Welcome to Seed PM.\n\nConfirm your email address by opening this link (valid 24 hours):\n\n${link}\n\nIf you did not create an account, ignore this message.`,
  },
  reset_password: {
    path: '/reset-password',
    ttlMs: 3_600_000,
    subject: 'Reset your password',
    text: (link: string) =>
      `Someone asked to reset the password of your Seed PM account.\n\nChoose a new password here (valid 1 hour):\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
  },
} as const;

/** Stores a single-use token and emails its link once the transaction has committed. */
export async function createEmailLink(
  deps: AuthDeps,
  trx: Transaction<AuthDatabase>,
  purpose: keyof typeof LINKS,
  user: { id: string; email: string },
): Promise<() => Promise<void>> {
  const spec = LINKS[purpose];
  const token = newSecret();
  await deps.emailTokens.insert(trx, {
    user_id: user.id,
    purpose,
    token_hash: hashSecret(token),
    expires_at: new Date(deps.clock.now().getTime() + spec.ttlMs),
  });
  const link = `${deps.publicUrl}${spec.path}?token=${encodeURIComponent(token)}`;
  return async () => {
    try {
      await deps.mailer.send({ to: user.email, subject: spec.subject, text: spec.text(link) });
    } catch (error) {
      // The account change stands; the person can ask for the link again.
      deps.logger.error({ err: error, purpose }, 'could not send email');
    }
  };
}
