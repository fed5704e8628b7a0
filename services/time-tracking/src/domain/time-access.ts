/** Roles in an organization, as the users service announces them. */
export type OrgRole = 'owner' | 'admin' | 'member' | 'guest';
/** Roles on a project, as the projects service announces them. */
export type ProjectRole = 'admin' | 'member' | 'viewer';

export function isOrgAdmin(role: OrgRole | null | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * The caller's role on a project (ADR 0002): organization owner/admin → admin; else the explicit
 * membership; else organization member → viewer; else none (404).
 */
export function projectRoleOf(orgRole: OrgRole | null, memberRole: ProjectRole | null): ProjectRole | null {
  if (!orgRole) {
    return null;
  }
  if (isOrgAdmin(orgRole)) {
    return 'admin';
  }
  return memberRole ?? (orgRole === 'member' ? 'viewer' : null);
}

/** Logging time on a project takes the right to work on it: member or admin, not viewer. */
export function mayLogTimeOn(role: ProjectRole): boolean {
  return role === 'admin' || role === 'member';
}

/** Time without a project belongs to the organization: any member but a guest may log it. */
export function mayLogTimeIn(orgRole: OrgRole): boolean {
  return orgRole !== 'guest';
}
