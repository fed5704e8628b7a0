/** Instance-wide roles (the seed's user_roles). Organization and project roles live in their services. */
export const INSTANCE_ADMIN = 'admin';
export const DEFAULT_ROLE = 'user';

const PERMISSIONS: Record<string, string[]> = {
  [DEFAULT_ROLE]: ['read:profile', 'write:profile'],
  [INSTANCE_ADMIN]: ['read:profile', 'write:profile', 'admin:instance', 'read:users', 'write:users'],
};

/** The permissions carried in the access token, derived from the roles. */
export function permissionsOf(roles: string[]): string[] {
  return [...new Set(roles.flatMap((role) => PERMISSIONS[role] ?? []))].sort();
}
