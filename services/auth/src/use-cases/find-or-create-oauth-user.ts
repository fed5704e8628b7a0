import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { UserRegistered } from '../contract/events.ts';
import type { UserWithSecret } from '../data/user.repository.ts';
import type { AuthDeps } from '../deps.ts';
import { OAuthError } from '../domain/auth.errors.ts';
import { usernameBase, usernameCandidates, type ProviderIdentity } from '../domain/oauth-identity.ts';
import { DEFAULT_ROLE, INSTANCE_ADMIN } from '../domain/roles.ts';
import { createEmailLink } from './send-email-link.ts';

function activeUser(user: UserWithSecret | undefined): UserWithSecret {
  if (!user?.is_active) {
    throw new OAuthError('account_disabled', 'This account is disabled.');
  }
  return user;
}

/**
 * Linking hands an account to whoever controls the provider account, so both sides must vouch for
 * the address: the provider, and the account's owner (by our verification link). Without the
 * second check, someone who registered first with another person's address would share that
 * person's account once they sign in with their provider ("pre-account takeover").
 */
async function linkExistingUser(
  deps: AuthDeps,
  provider: string,
  providerName: string,
  identity: ProviderIdentity,
  existing: UserWithSecret,
): Promise<UserWithSecret> {
  if (!identity.isEmailVerified) {
    throw new OAuthError(
      'email_not_verified',
      `An account with this email address exists, but ${providerName} has not verified the address; sign in with your password instead.`,
    );
  }
  if (!existing.email_verified) {
    throw new OAuthError(
      'account_not_verified',
      `An account with this email address exists but its address is not confirmed yet; confirm it with the link we emailed, then sign in with ${providerName} again.`,
    );
  }
  const user = activeUser(existing);
  await deps.db.transaction().execute((trx) =>
    deps.oauthAccounts.insert(trx, {
      user_id: user.id,
      provider,
      subject: identity.subject,
      email: identity.email,
    }),
  );
  return user;
}

/** Checked before the transaction: the embedded database has one connection, and the transaction holds it. */
async function freeUsername(deps: AuthDeps, identity: ProviderIdentity): Promise<string> {
  const base = usernameBase(identity);
  for (const candidate of usernameCandidates(base, 10)) {
    if (!(await deps.users.isTaken('username', candidate))) {
      return candidate;
    }
  }
  return `${base}${randomInt(10_000, 10_000_000)}`;
}

function registeredEvent(user: UserWithSecret) {
  return UserRegistered.create(
    {
      user_id: user.id,
      email: user.email,
      username: user.username,
      first_name: user.first_name,
      last_name: user.last_name,
      email_verified: user.email_verified,
    },
    { actor_id: user.id },
  );
}

async function createUser(
  deps: AuthDeps,
  provider: string,
  identity: ProviderIdentity,
  email: string,
): Promise<UserWithSecret> {
  const username = await freeUsername(deps, identity);
  const { user, sendLink } = await deps.outbox.transaction(deps.db, async (trx) => {
    // Same rule and lock as registration: the first account administers the instance.
    await sql`select pg_advisory_xact_lock(hashtext('auth:first-user'))`.execute(trx);
    const anyone = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    const created = await deps.users.insert(
      trx,
      {
        email,
        username,
        password_hash: null,
        first_name: identity.firstName,
        last_name: identity.lastName,
        email_verified: identity.isEmailVerified,
      },
      anyone ? [DEFAULT_ROLE] : [DEFAULT_ROLE, INSTANCE_ADMIN],
    );
    await deps.oauthAccounts.insert(trx, { user_id: created.id, provider, subject: identity.subject, email });
    await deps.outbox.add(trx, registeredEvent(created));
    // An address the provider did not verify gets our own verification link, as after registering.
    const link = created.email_verified ? null : await createEmailLink(deps, trx, 'verify_email', created);
    return { user: created, sendLink: link };
  });
  await sendLink?.();
  return user;
}

/** The user behind a provider identity: already linked, linked now by verified email, or new. */
export async function findOrCreateOAuthUser(
  deps: AuthDeps,
  provider: string,
  providerName: string,
  identity: ProviderIdentity,
): Promise<UserWithSecret> {
  const linkedId = await deps.oauthAccounts.findUserId(provider, identity.subject);
  if (linkedId) {
    return activeUser(await deps.users.findById(linkedId));
  }
  if (!identity.email) {
    throw new OAuthError(
      'email_missing',
      `${providerName} did not share an email address, which an account needs.`,
    );
  }
  const existing = await deps.users.findByEmail(identity.email);
  if (existing) {
    return linkExistingUser(deps, provider, providerName, identity, existing);
  }
  return createUser(deps, provider, identity, identity.email);
}
