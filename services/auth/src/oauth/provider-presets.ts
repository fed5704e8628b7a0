import type { AuthConfig } from '../config.ts';

export type ProviderId = 'google' | 'github' | 'slack' | 'oidc';

interface ProviderBase {
  id: ProviderId;
  /** Button label. */
  name: string;
  clientId: string;
  clientSecret: string | undefined;
  scope: string;
}

/** An OpenID Connect provider: endpoints come from discovery at its issuer. */
export interface OidcProviderSpec extends ProviderBase {
  kind: 'oidc';
  issuer: string;
}

/** A plain OAuth2 provider without discovery or ID tokens: endpoints are fixed. */
export interface GitHubProviderSpec extends ProviderBase {
  kind: 'github';
  authorizationEndpoint: string;
  tokenEndpoint: string;
  apiUrl: string;
}

export type ProviderSpec = OidcProviderSpec | GitHubProviderSpec;

const OIDC_SCOPE = 'openid email profile';

/** The providers switched on by configuration, in the order their buttons appear. */
export function enabledProviders(config: AuthConfig): ProviderSpec[] {
  const specs: ProviderSpec[] = [];
  if (config.AUTH_GOOGLE_CLIENT_ID) {
    specs.push({
      kind: 'oidc',
      id: 'google',
      name: 'Google',
      issuer: 'https://accounts.google.com',
      clientId: config.AUTH_GOOGLE_CLIENT_ID,
      clientSecret: config.AUTH_GOOGLE_CLIENT_SECRET,
      scope: OIDC_SCOPE,
    });
  }
  if (config.AUTH_GITHUB_CLIENT_ID) {
    specs.push({
      kind: 'github',
      id: 'github',
      name: 'GitHub',
      authorizationEndpoint: 'https://github.com/login/oauth/authorize',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      apiUrl: 'https://api.github.com',
      clientId: config.AUTH_GITHUB_CLIENT_ID,
      clientSecret: config.AUTH_GITHUB_CLIENT_SECRET,
      // user:email reads private addresses and whether GitHub verified them.
      scope: 'read:user user:email',
    });
  }
  if (config.AUTH_SLACK_CLIENT_ID) {
    specs.push({
      kind: 'oidc',
      id: 'slack',
      name: 'Slack',
      issuer: 'https://slack.com',
      clientId: config.AUTH_SLACK_CLIENT_ID,
      clientSecret: config.AUTH_SLACK_CLIENT_SECRET,
      scope: OIDC_SCOPE,
    });
  }
  if (config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_CLIENT_ID) {
    specs.push({
      kind: 'oidc',
      id: 'oidc',
      name: config.AUTH_OIDC_NAME,
      issuer: config.AUTH_OIDC_ISSUER,
      clientId: config.AUTH_OIDC_CLIENT_ID,
      clientSecret: config.AUTH_OIDC_CLIENT_SECRET,
      scope: OIDC_SCOPE,
    });
  }
  return specs;
}

/** The callback URL to register at the provider. */
export function redirectUriOf(publicUrl: string, id: ProviderId): string {
  return `${publicUrl}/api/v1/auth/oauth/${id}/callback`;
}
