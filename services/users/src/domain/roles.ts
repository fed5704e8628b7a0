import type { OrgRole } from '../contract/http.ts';

/** Owners and admins manage the organization: settings, invitations, roles, members, teams. */
export function isOrgAdmin(role: OrgRole | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/** Only an owner grants or takes away ownership (ADR 0002). */
export function touchesOwnership(currentRole: OrgRole, newRole: OrgRole | null): boolean {
  return currentRole === 'owner' || newRole === 'owner';
}

/** "First Last", else the username; a deleted account reads "Deleted user" through its scrubbed names. */
export function displayName(person: {
  username: string;
  first_name: string | null;
  last_name: string | null;
}): string {
  const full = [person.first_name, person.last_name].filter(Boolean).join(' ').trim();
  return full || person.username;
}

/** The name of the personal organization created at sign-up. */
export function personalOrganizationName(person: { username: string; first_name: string | null }): string {
  return `${person.first_name?.trim() || person.username}'s workspace`;
}
