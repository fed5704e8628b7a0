import type { InvitableRole, OrgRole } from './organization.types.ts';

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  guest: 'Guest',
};

export const ORG_ROLE_HINTS: Record<OrgRole, string> = {
  owner: 'Everything, including ownership',
  admin: 'Manages members, teams and settings',
  member: 'Sees every project, creates new ones',
  guest: 'Only the projects they are added to',
};

export const INVITABLE_ROLES: InvitableRole[] = ['member', 'admin', 'guest'];

/** Owners and admins manage the organization: settings, invitations, roles, members, teams. */
export function isOrgAdmin(role: OrgRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** Guests work only inside projects they are added to (ADR 0002). */
export function canCreateProjects(role: OrgRole): boolean {
  return role !== 'guest';
}

/** Roles the caller may give: only an owner grants ownership. */
export function assignableRoles(callerRole: OrgRole): OrgRole[] {
  return callerRole === 'owner' ? ['owner', 'admin', 'member', 'guest'] : ['admin', 'member', 'guest'];
}

/** Whether the caller may change this member's role or remove them (only owners touch owners). */
export function canManageMember(callerRole: OrgRole, memberRole: OrgRole): boolean {
  return isOrgAdmin(callerRole) && (memberRole !== 'owner' || callerRole === 'owner');
}

/** "an owner", "a member": for sentences like "You're an admin". */
export function roleWithArticle(role: OrgRole): string {
  const label = ORG_ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}
