import { NotFoundError } from '@pm/kernel';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { OAuthError } from '../domain/auth.errors.ts';
import { newSecret } from '../domain/secrets.ts';

export interface StartedSignIn {
  authorizationUrl: string;
  /** Value of the cookie that ties the callback to this browser. */
  browserBinding: string;
}

/**
 * Sends the browser to the provider. A browser's binding is reused across attempts so that two
 * tabs signing in at once do not invalidate each other.
 */
export async function startOAuthSignIn(
  deps: AuthDeps,
  providerId: string,
  options: { browserBinding: string | undefined; returnTo: string | null; client: ClientInfo },
): Promise<StartedSignIn> {
  const spec = deps.signInProviders.find(providerId);
  if (!spec) {
    throw new NotFoundError('Sign-in provider', 'AUTH_PROVIDER_NOT_FOUND');
  }
  // Each start stores an entry in the cache: bound it per IP like password sign-ins.
  await deps.limiter.consume(`oauth-start:${options.client.ip}`, {
    max: deps.config.AUTH_LOGIN_MAX_PER_IP,
    windowSeconds: 300,
  });
  const state = newSecret();
  const request = await deps.signInProviders.authorizationRequest(spec, state).catch((error: unknown) => {
    throw new OAuthError(
      'provider_unavailable',
      `${spec.name} cannot be reached right now; try again in a moment.`,
      error,
    );
  });
  const browserBinding = options.browserBinding ?? newSecret();
  await deps.oauthHandoffs.savePending(state, {
    provider: spec.id,
    codeVerifier: request.codeVerifier,
    nonce: request.nonce,
    browserBinding,
    returnTo: options.returnTo,
  });
  return { authorizationUrl: request.url, browserBinding };
}
