import * as client from 'openid-client';
import { nameOrNull, splitName, type ProviderIdentity } from '../domain/oauth-identity.ts';
import type { GitHubProviderSpec } from './provider-presets.ts';

export interface GitHubUser {
  id: number;
  login: string;
  name?: string | null;
}

export interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * GitHub is plain OAuth2: no ID token, so the person is read from its REST API. The primary
 * address is the one GitHub notifies; only its own `verified` flag may let us link accounts.
 */
export function gitHubIdentity(user: GitHubUser, emails: GitHubEmail[]): ProviderIdentity {
  const primary = emails.find((entry) => entry.primary) ?? emails.find((entry) => entry.verified) ?? null;
  return {
    subject: String(user.id),
    email: primary?.email ?? null,
    isEmailVerified: primary?.verified === true,
    preferredUsername: nameOrNull(user.login),
    ...splitName(user.name),
  };
}

async function getJson<T>(
  configuration: client.Configuration,
  spec: GitHubProviderSpec,
  accessToken: string,
  path: string,
): Promise<T> {
  // GitHub's API refuses requests without a User-Agent.
  const headers = new Headers({
    accept: 'application/vnd.github+json',
    'user-agent': 'seed-pm',
    'x-github-api-version': '2022-11-28',
  });
  const response = await client.fetchProtectedResource(
    configuration,
    accessToken,
    new URL(path, spec.apiUrl),
    'GET',
    undefined,
    headers,
  );
  if (!response.ok) {
    throw new Error(`GitHub ${path} answered ${response.status}`);
  }
  return (await response.json()) as T;
}

/** Reads the signed-in GitHub user and their addresses with the access token just obtained. */
export async function fetchGitHubIdentity(
  configuration: client.Configuration,
  spec: GitHubProviderSpec,
  accessToken: string,
): Promise<ProviderIdentity> {
  const [user, emails] = await Promise.all([
    getJson<GitHubUser>(configuration, spec, accessToken, '/user'),
    getJson<GitHubEmail[]>(configuration, spec, accessToken, '/user/emails'),
  ]);
  return gitHubIdentity(user, emails);
}
