import { ValidationError, type Page } from '@pm/kernel';
import type {
  CreateOrganizationBody,
  Organization,
  OrganizationListQuery,
  OrganizationSettingsPatch,
  UpdateOrganizationBody,
} from '../contract/http.ts';
import { MemberAdded, OrganizationCreated, OrganizationUpdated } from '../contract/events.ts';
import { toOrganization } from '../data/organization.repository.ts';
import type { Db } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { domainOf, isPublicMailDomain } from '../domain/email-domain.ts';
import { organizationSettingsOf } from '../domain/profile-rules.ts';
import { OrganizationNotFoundError, VersionConflictError } from '../domain/users.errors.ts';
import { requireOrgAdmin } from './access.ts';

/** Creates an organization with `ownerId` as its owner and announces both (inside the caller's transaction). */
export async function createOrganizationIn(
  deps: UsersDeps,
  trx: Db,
  values: { name: string; domain: string | null; settings?: OrganizationSettingsPatch },
  ownerId: string,
): Promise<Organization> {
  const settings = organizationSettingsOf({}, values.settings);
  const row = await deps.organizations.insert(trx, {
    name: values.name.trim(),
    domain: values.domain,
    settings: JSON.stringify(settings),
    created_by: ownerId,
  });
  await deps.members.add(trx, row.id, ownerId, 'owner');
  const meta = { actor_id: ownerId, org_id: row.id };
  await deps.outbox.add(
    trx,
    OrganizationCreated.create(
      { organization_id: row.id, name: row.name, domain: row.domain, settings },
      meta,
    ),
    MemberAdded.create({ organization_id: row.id, user_id: ownerId, role: 'owner' }, meta),
  );
  return toOrganization(row, 'owner');
}

/**
 * A domain lets its people join by themselves, so only someone whose verified email is at that
 * domain may claim it, and never a public mail provider's.
 */
async function checkDomainClaim(deps: UsersDeps, callerId: string, domain: string): Promise<void> {
  if (isPublicMailDomain(domain)) {
    throw new ValidationError([
      { field: 'domain', message: 'is a public email provider shared by unrelated people' },
    ]);
  }
  const me = await deps.directory.find(callerId);
  if (!me?.email_verified || !me.email || domainOf(me.email) !== domain) {
    throw new ValidationError([
      { field: 'domain', message: 'must be the domain of your own verified email address' },
    ]);
  }
}

export async function createOrganization(
  deps: UsersDeps,
  callerId: string,
  body: CreateOrganizationBody,
): Promise<Organization> {
  const domain = body.domain?.toLowerCase() ?? null;
  if (domain) {
    await checkDomainClaim(deps, callerId, domain);
  }
  return deps.outbox.transaction(deps.db, (trx) =>
    createOrganizationIn(deps, trx, { name: body.name, domain, settings: body.settings }, callerId),
  );
}

export async function getOrganization(deps: UsersDeps, callerId: string, id: string): Promise<Organization> {
  const organization = await deps.organizations.findForMember(id, callerId);
  if (!organization) {
    throw new OrganizationNotFoundError();
  }
  return organization;
}

export function listOrganizations(
  deps: UsersDeps,
  callerId: string,
  query: OrganizationListQuery,
): Promise<Page<Organization>> {
  return deps.organizations.listForMember(callerId, query);
}

/** Owners and admins; `settings` changes only the keys it names. */
export async function updateOrganization(
  deps: UsersDeps,
  callerId: string,
  id: string,
  body: UpdateOrganizationBody,
): Promise<Organization> {
  const myRole = await requireOrgAdmin(deps, id, callerId);
  const current = await deps.organizations.find(id);
  if (!current) {
    throw new OrganizationNotFoundError();
  }
  const domain = body.domain === undefined ? undefined : (body.domain?.toLowerCase() ?? null);
  if (domain && domain !== current.domain) {
    await checkDomainClaim(deps, callerId, domain);
  }
  const settings = organizationSettingsOf(current.settings, body.settings);
  return deps.outbox.transaction(deps.db, async (trx) => {
    const row = await deps.organizations.updateAtVersion(trx, id, body.version, {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(domain !== undefined ? { domain } : {}),
      ...(body.settings !== undefined ? { settings: JSON.stringify(settings) } : {}),
    });
    if (!row) {
      const latest = await deps.organizations.find(id, trx);
      throw new VersionConflictError('organization', latest ? toOrganization(latest, myRole) : null);
    }
    const data = {
      organization_id: id,
      name: row.name,
      domain: row.domain,
      settings: organizationSettingsOf(row.settings),
    };
    await deps.outbox.add(trx, OrganizationUpdated.create(data, { actor_id: callerId, org_id: id }));
    return toOrganization(row, myRole);
  });
}
