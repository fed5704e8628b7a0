import type { TokenSet } from '../contract/http.ts';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { InvalidOAuthCodeError } from '../domain/auth.errors.ts';
import { startSession } from './issue-tokens.ts';

/** Trades the one-time code of a provider sign-in for a session; the code works once. */
export async function exchangeOAuthCode(deps: AuthDeps, code: string, client: ClientInfo): Promise<TokenSet> {
  const userId = await deps.oauthHandoffs.takeCode(code);
  const user = userId ? await deps.users.findById(userId) : undefined;
  if (!user?.is_active) {
    throw new InvalidOAuthCodeError();
  }
  return startSession(deps, user, client);
}
