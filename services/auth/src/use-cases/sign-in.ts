import type { LoginBody, TokenSet } from '../contract/http.ts';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { InvalidCredentialsError } from '../domain/auth.errors.ts';
import { verifyAgainstDecoy, verifyPassword } from '../domain/password-hash.ts';
import { ValidationError } from '@pm/kernel';
import { startSession } from './issue-tokens.ts';

/**
 * Email-or-username and password sign-in. Unknown accounts are checked against a decoy hash so
 * both failures take the same time; failures are counted per IP and per account.
 */
export async function signIn(deps: AuthDeps, body: LoginBody, client: ClientInfo): Promise<TokenSet> {
  const login = (body.email ?? body.username ?? '').trim();
  if (!login) {
    throw new ValidationError([{ field: 'email', message: 'is required (an email address or a username)' }]);
  }
  const accountKey = `login-attempts:${login.toLowerCase()}`;
  await deps.limiter.consume(`login-ip:${client.ip}`, { max: deps.config.AUTH_LOGIN_MAX_PER_IP, windowSeconds: 300 });
  // Counted before the password check, atomically, so parallel guesses cannot all slip under the
  // limit; a successful sign-in clears the count.
  await deps.limiter.consume(accountKey, { max: deps.config.AUTH_LOGIN_MAX_FAILURES, windowSeconds: 900 });
  const user = await deps.users.findByLogin(login);
  const valid =
    user?.password_hash && user.is_active
      ? await verifyPassword(user.password_hash, body.password)
      : await verifyAgainstDecoy(body.password);
  if (!user || !valid) {
    throw new InvalidCredentialsError();
  }
  await deps.limiter.reset(accountKey);
  return startSession(deps, user, client);
}
