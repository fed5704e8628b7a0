import { MemberAdded } from '../contract/events.ts';
import type { Db } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { domainOf } from '../domain/email-domain.ts';
import { personalOrganizationName } from '../domain/roles.ts';
import { createOrganizationIn } from './manage-organizations.ts';

export interface Registration {
  user_id: string;
  email: string;
  username: string;
  first_name: string | null;
  last_name: string | null;
  email_verified: boolean;
}

/**
 * Joins every organization that lets people of the email's domain in (ADR 0002); the address
 * must be verified, which the callers guarantee.
 */
export async function joinByDomain(deps: UsersDeps, trx: Db, userId: string, email: string): Promise<void> {
  const domain = domainOf(email);
  if (!domain) {
    return;
  }
  for (const organization of await deps.organizations.joinableByDomain(trx, domain, userId)) {
    if (await deps.members.add(trx, organization.id, userId, 'member')) {
      await deps.outbox.add(
        trx,
        MemberAdded.create(
          { organization_id: organization.id, user_id: userId, role: 'member' },
          { actor_id: userId, org_id: organization.id },
        ),
      );
    }
  }
}

/**
 * A new account: its directory entry and an empty profile; a personal organization unless an
 * invitation waits for the address (the person accepts it next) or they already joined one.
 */
export async function recordRegistration(deps: UsersDeps, trx: Db, account: Registration): Promise<void> {
  const entry = await deps.directory.upsert(trx, account);
  if (!entry) {
    // The account was deleted before its registration event arrived: nothing to build.
    return;
  }
  await deps.profiles.ensure(trx, account.user_id);
  const isInvited = await deps.invitations.hasOpenFor(trx, account.email, deps.clock.now());
  const hasOrganization = (await deps.members.membershipsOf(account.user_id, trx)).length > 0;
  if (!isInvited && !hasOrganization) {
    await createOrganizationIn(
      deps,
      trx,
      { name: personalOrganizationName(account), domain: null },
      account.user_id,
    );
  }
  if (account.email_verified) {
    await joinByDomain(deps, trx, account.user_id, account.email);
  }
}

export async function recordEmailVerified(
  deps: UsersDeps,
  trx: Db,
  userId: string,
  email: string,
): Promise<void> {
  const entry = await deps.directory.markVerified(trx, userId);
  if (entry) {
    await joinByDomain(deps, trx, userId, entry.email ?? email);
  }
}

export async function recordNamesChanged(
  deps: UsersDeps,
  trx: Db,
  change: { user_id: string; username: string; first_name: string | null; last_name: string | null },
): Promise<void> {
  await deps.directory.updateNames(trx, change.user_id, {
    username: change.username,
    first_name: change.first_name,
    last_name: change.last_name,
  });
}
