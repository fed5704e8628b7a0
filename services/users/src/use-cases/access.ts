import type { OrgRole } from '../contract/http.ts';
import type { Db } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { forbidden, LastOwnerError, OrganizationNotFoundError } from '../domain/users.errors.ts';
import { isOrgAdmin } from '../domain/roles.ts';

/**
 * The caller's role in the organization; outside it (or when it does not exist) a 404, so nobody
 * learns which organizations exist. `field` names the request field that carried the id.
 */
export async function requireMember(
  deps: UsersDeps,
  organizationId: string,
  callerId: string,
  db: Db = deps.db,
  field?: string,
): Promise<OrgRole> {
  const role = await deps.members.roleOf(organizationId, callerId, db);
  if (!role) {
    throw new OrganizationNotFoundError(field);
  }
  return role;
}

/** Like requireMember, and a 403 for members who are neither owner nor admin. */
export async function requireOrgAdmin(
  deps: UsersDeps,
  organizationId: string,
  callerId: string,
  db: Db = deps.db,
  field?: string,
): Promise<OrgRole> {
  const role = await requireMember(deps, organizationId, callerId, db, field);
  if (!isOrgAdmin(role)) {
    throw forbidden('Only owners and admins of the organization may do this');
  }
  return role;
}

/** Refuses to take the last owner away (the organization row must be locked by the caller). */
export async function assertNotLastOwner(
  deps: UsersDeps,
  trx: Db,
  organizationId: string,
  currentRole: OrgRole,
): Promise<void> {
  if (currentRole === 'owner' && (await deps.members.countOwners(trx, organizationId)) <= 1) {
    throw new LastOwnerError(organizationId);
  }
}
