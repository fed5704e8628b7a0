/** Roles in an organization, as the users service announces them. */
export type OrgRole = 'owner' | 'admin' | 'member' | 'guest';
/** Roles on a project, as the projects service announces them. */
export type ProjectRole = 'admin' | 'member' | 'viewer';

/** What a caller wants to do with a project's tasks. */
export type TaskAction = 'read' | 'write';

/**
 * The caller's role on a project (ADR 0002): organization owner/admin → admin; else an explicit
 * project membership; else organization member → viewer; else none (the caller gets 404).
 */
export function effectiveProjectRole(
  orgRole: OrgRole | null,
  memberRole: ProjectRole | null,
): ProjectRole | null {
  if (!orgRole) {
    return null;
  }
  if (orgRole === 'owner' || orgRole === 'admin') {
    return 'admin';
  }
  if (memberRole) {
    return memberRole;
  }
  return orgRole === 'member' ? 'viewer' : null;
}

/** Viewers read; members and admins create and change tasks. */
export function mayDo(role: ProjectRole, action: TaskAction): boolean {
  return action === 'read' || role === 'member' || role === 'admin';
}
