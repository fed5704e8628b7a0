/** Who a sign-in provider says the person is, in the provider-neutral shape the use cases need. */
export interface ProviderIdentity {
  /** Stable id at the provider (`sub`, or GitHub's numeric user id): emails change, this does not. */
  subject: string;
  email: string | null;
  isEmailVerified: boolean;
  preferredUsername: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** Why a provider sign-in failed, as the short `error` the SPA callback page receives. */
export type OAuthFailureReason =
  | 'access_denied'
  | 'provider_error'
  | 'provider_unavailable'
  | 'invalid_state'
  | 'exchange_failed'
  | 'email_missing'
  | 'email_not_verified'
  | 'account_not_verified'
  | 'account_disabled'
  | 'invalid_code'
  | 'server_error';

const USERNAME_MIN = 3;
/** Leaves room under the column's 100 characters for a uniqueness suffix. */
const USERNAME_BASE_MAX = 90;

/** A username that passes the register schema (`^[A-Za-z0-9_.-]+$`, 3–100), derived from the identity. */
export function usernameBase(identity: Pick<ProviderIdentity, 'preferredUsername' | 'email'>): string {
  const cleaned = [identity.preferredUsername, identity.email?.split('@')[0]].map((source) =>
    (source ?? '')
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_.-]+/g, '')
      .slice(0, USERNAME_BASE_MAX),
  );
  return (
    cleaned.find((name) => name.length >= USERNAME_MIN) ??
    `user${cleaned[0] || cleaned[1] || ''}`.slice(0, USERNAME_BASE_MAX)
  );
}

/** Candidates in order: the base, then numbered ones; the caller takes the first that is free. */
export function usernameCandidates(base: string, count: number): string[] {
  return [base, ...Array.from({ length: count - 1 }, (_, i) => `${base}${i + 2}`)];
}

/**
 * Some providers send `email_verified` as the string "true" (older Cognito, some Azure setups);
 * anything else, including a missing claim, counts as unverified.
 */
export function isVerifiedClaim(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Trims a provider-given name to the column's 100 characters; empty becomes null. */
export function nameOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : null;
}

/** Splits a display name ("Ada King Lovelace") when the provider gives no given/family names. */
export function splitName(full: unknown): { firstName: string | null; lastName: string | null } {
  const name = nameOrNull(full);
  if (!name) {
    return { firstName: null, lastName: null };
  }
  const space = name.indexOf(' ');
  return space < 0
    ? { firstName: name, lastName: null }
    : { firstName: name.slice(0, space), lastName: nameOrNull(name.slice(space + 1)) };
}

/**
 * Only a path on this site: `//evil.test` and `/\evil.test` are read as other hosts by browsers,
 * so an open redirect would hand the one-time code to someone else.
 */
export function safeReturnTo(value: string | undefined): string | null {
  if (
    !value ||
    value.length > 1000 ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return null;
  }
  // Control characters (tabs, newlines) are stripped by browsers in URLs and can turn a path into a host.
  const hasControl = [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
  return hasControl ? null : value;
}
