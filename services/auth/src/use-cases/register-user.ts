import { sql } from 'kysely';
import type { RegisterBody, User } from '../contract/http.ts';
import { UserRegistered } from '../contract/events.ts';
import { publicUser } from '../data/user.repository.ts';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { AccountTakenError } from '../domain/auth.errors.ts';
import { hashPassword } from '../domain/password-hash.ts';
import { assertAcceptablePassword } from '../domain/password-policy.ts';
import { DEFAULT_ROLE, INSTANCE_ADMIN } from '../domain/roles.ts';
import { createEmailLink } from './send-email-link.ts';

/** Creates an account and emails a verification link. The first account administers the instance. */
export async function registerUser(deps: AuthDeps, body: RegisterBody, client: ClientInfo): Promise<User> {
  await deps.limiter.consume(`register:${client.ip}`, { max: deps.config.AUTH_ACCOUNT_REQUESTS_PER_IP, windowSeconds: 3600 });
  const email = body.email.trim();
  assertAcceptablePassword(body.password, 'password', [body.username, email.split('@')[0] ?? '']);
  for (const field of ['email', 'username'] as const) {
    if (await deps.users.isTaken(field, field === 'email' ? email : body.username)) {
      throw new AccountTakenError(field);
    }
  }
  const passwordHash = await hashPassword(body.password);
  const { user, sendLink } = await deps.outbox.transaction(deps.db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('auth:first-user'))`.execute(trx);
    const anyone = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    const created = await deps.users
      .insert(
        trx,
        {
          email,
          username: body.username,
          password_hash: passwordHash,
          first_name: body.first_name?.trim() || null,
          last_name: body.last_name?.trim() || null,
        },
        anyone ? [DEFAULT_ROLE] : [DEFAULT_ROLE, INSTANCE_ADMIN],
      )
      .catch((error: unknown) => {
        // Two registrations racing for one email or username: the unique index decides.
        if ((error as { code?: string }).code === '23505') {
          throw new AccountTakenError(String((error as { constraint?: string }).constraint).includes('email') ? 'email' : 'username');
        }
        throw error;
      });
    await deps.outbox.add(
      trx,
      UserRegistered.create(
        {
          user_id: created.id,
          email: created.email,
          username: created.username,
          first_name: created.first_name,
          last_name: created.last_name,
          email_verified: created.email_verified,
        },
        { actor_id: created.id },
      ),
    );
    return { user: created, sendLink: await createEmailLink(deps, trx, 'verify_email', created) };
  });
  await sendLink();
  return publicUser(user);
}
