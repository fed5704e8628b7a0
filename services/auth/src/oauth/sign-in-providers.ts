import * as client from 'openid-client';
import type { AuthConfig } from '../config.ts';
import { isVerifiedClaim, nameOrNull, splitName, type ProviderIdentity } from '../domain/oauth-identity.ts';
import { fetchGitHubIdentity } from './github-identity.ts';
import {
  enabledProviders,
  redirectUriOf,
  type OidcProviderSpec,
  type ProviderSpec,
} from './provider-presets.ts';

/** Seconds an outgoing call to a provider may take before the sign-in fails. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** What /start must remember until the callback: PKCE verifier and (OIDC) nonce. */
export interface AuthorizationRequest {
  url: string;
  codeVerifier: string;
  nonce: string | null;
}

export interface CallbackChecks {
  state: string;
  codeVerifier: string;
  nonce: string | null;
}

/**
 * Plain http is refused by openid-client; it is allowed only when the operator configured an
 * http issuer (a provider on loopback or a private network in development).
 */
function allowHttpWhenConfigured(configuration: client.Configuration, url: string): void {
  if (url.startsWith('http://')) {
    client.allowInsecureRequests(configuration);
  }
}

/**
 * RFC 6749 makes client_secret_basic the method every server supports, but some (Slack) list only
 * client_secret_post: take the first of the two the server advertises; without a secret, none (PKCE).
 */
function clientAuthFor(metadata: client.ServerMetadata, secret: string | undefined): client.ClientAuth {
  if (!secret) {
    return client.None();
  }
  const supported = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const method = supported.find((name) => name === 'client_secret_basic' || name === 'client_secret_post');
  return method === 'client_secret_post' ? client.ClientSecretPost(secret) : client.ClientSecretBasic(secret);
}

function configure(spec: ProviderSpec, metadata: client.ServerMetadata): client.Configuration {
  const configuration = new client.Configuration(
    metadata,
    spec.clientId,
    undefined,
    clientAuthFor(metadata, spec.clientSecret),
  );
  configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
  allowHttpWhenConfigured(configuration, metadata.issuer);
  return configuration;
}

async function discover(spec: OidcProviderSpec): Promise<client.Configuration> {
  const discovered = await client.discovery(new URL(spec.issuer), spec.clientId, undefined, undefined, {
    timeout: PROVIDER_TIMEOUT_SECONDS,
    execute: spec.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
  });
  return configure(spec, { ...discovered.serverMetadata() });
}

/** ID token claims first; the UserInfo endpoint fills what the token leaves out (OIDC Core 5.4). */
async function oidcIdentity(
  configuration: client.Configuration,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): Promise<ProviderIdentity> {
  const idClaims = tokens.claims();
  if (!idClaims) {
    throw new Error('The provider returned no ID token');
  }
  let claims: Record<string, unknown> = idClaims;
  if (typeof idClaims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
    claims = {
      ...idClaims,
      ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)),
    };
  }
  const fromName = splitName(claims.name);
  return {
    subject: idClaims.sub,
    email: typeof claims.email === 'string' && claims.email ? claims.email : null,
    isEmailVerified: isVerifiedClaim(claims.email_verified),
    preferredUsername: nameOrNull(claims.preferred_username),
    firstName: nameOrNull(claims.given_name) ?? fromName.firstName,
    lastName: nameOrNull(claims.family_name) ?? fromName.lastName,
  };
}

/**
 * The configured sign-in providers. Discovery runs on first use, never at start-up (the server may
 * have no route to the provider yet), and its result is kept; a failed discovery is retried next time.
 */
export class SignInProviders {
  private readonly specs: ProviderSpec[];
  private readonly configurations = new Map<string, Promise<client.Configuration>>();

  constructor(
    config: AuthConfig,
    private readonly publicUrl: string,
  ) {
    this.specs = enabledProviders(config);
  }

  list(): { id: string; name: string }[] {
    return this.specs.map((spec) => ({ id: spec.id, name: spec.name }));
  }

  find(id: string): ProviderSpec | undefined {
    return this.specs.find((spec) => spec.id === id);
  }

  redirectUri(spec: ProviderSpec): string {
    return redirectUriOf(this.publicUrl, spec.id);
  }

  /** The provider's authorization URL with PKCE (S256), state and, for OIDC, a nonce. */
  async authorizationRequest(spec: ProviderSpec, state: string): Promise<AuthorizationRequest> {
    const configuration = await this.configuration(spec);
    const codeVerifier = client.randomPKCECodeVerifier();
    const nonce = spec.kind === 'oidc' ? client.randomNonce() : null;
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(spec),
      scope: spec.scope,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...(nonce ? { nonce } : {}),
    });
    return { url: url.href, codeVerifier, nonce };
  }

  /** Validates the authorization response, redeems the code and reads who signed in. */
  async identify(
    spec: ProviderSpec,
    callbackParams: URLSearchParams,
    checks: CallbackChecks,
  ): Promise<ProviderIdentity> {
    const configuration = await this.configuration(spec);
    // openid-client derives the token request's redirect_uri from this URL, so it must be the registered one.
    const currentUrl = new URL(this.redirectUri(spec));
    currentUrl.search = callbackParams.toString();
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      ...(checks.nonce ? { expectedNonce: checks.nonce } : {}),
    });
    return spec.kind === 'oidc'
      ? oidcIdentity(configuration, tokens)
      : fetchGitHubIdentity(configuration, spec, tokens.access_token);
  }

  private configuration(spec: ProviderSpec): Promise<client.Configuration> {
    let pending = this.configurations.get(spec.id);
    if (!pending) {
      pending =
        spec.kind === 'oidc'
          ? discover(spec)
          : Promise.resolve(
              configure(spec, {
                issuer: 'https://github.com',
                authorization_endpoint: spec.authorizationEndpoint,
                token_endpoint: spec.tokenEndpoint,
              }),
            );
      void pending.catch(() => this.configurations.delete(spec.id));
      this.configurations.set(spec.id, pending);
    }
    return pending;
  }
}
