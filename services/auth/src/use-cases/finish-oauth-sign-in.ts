import type { PendingSignIn } from '../data/oauth-handoff.repository.ts';
import type { AuthDeps } from '../deps.ts';
import { OAuthError } from '../domain/auth.errors.ts';
import { sameSecret } from '../domain/secrets.ts';
import { findOrCreateOAuthUser } from './find-or-create-oauth-user.ts';

export interface FinishedSignIn {
  /** One-time code the SPA exchanges for tokens. */
  code: string;
  returnTo: string | null;
}

/**
 * The state is single-use and must come back to the browser that started (its cookie): otherwise
 * someone could send a victim a callback link that signs the victim into the sender's account.
 */
async function takeVerifiedPending(
  deps: AuthDeps,
  providerId: string,
  state: string,
  browserBinding: string | undefined,
): Promise<PendingSignIn> {
  const pending = state ? await deps.oauthHandoffs.takePending(state) : null;
  if (
    !pending ||
    pending.provider !== providerId ||
    !browserBinding ||
    !sameSecret(pending.browserBinding, browserBinding)
  ) {
    throw new OAuthError(
      'invalid_state',
      'The sign-in expired or was started in another browser; please start again.',
    );
  }
  return pending;
}

/** Handles the provider's redirect: checks it, redeems the code, and finds, links or creates the user. */
export async function finishOAuthSignIn(
  deps: AuthDeps,
  providerId: string,
  params: URLSearchParams,
  browserBinding: string | undefined,
): Promise<FinishedSignIn> {
  const spec = deps.signInProviders.find(providerId);
  if (!spec) {
    throw new OAuthError('provider_unavailable', 'This sign-in provider is not enabled.');
  }
  const state = params.get('state') ?? '';
  const pending = await takeVerifiedPending(deps, spec.id, state, browserBinding);
  const providerError = params.get('error');
  if (providerError) {
    // The provider's own description is not shown: it is text from outside put on our page.
    throw providerError === 'access_denied'
      ? new OAuthError('access_denied', `${spec.name} did not allow the sign-in.`)
      : new OAuthError(
          'provider_error',
          `${spec.name} could not sign you in (${providerError.slice(0, 50)}).`,
        );
  }
  const identity = await deps.signInProviders
    .identify(spec, params, { state, codeVerifier: pending.codeVerifier, nonce: pending.nonce })
    .catch((error: unknown) => {
      throw new OAuthError(
        'exchange_failed',
        `${spec.name} did not confirm the sign-in; please try again.`,
        error,
      );
    });
  const user = await findOrCreateOAuthUser(deps, spec.id, spec.name, identity);
  return { code: await deps.oauthHandoffs.issueCode(user.id), returnTo: pending.returnTo };
}
