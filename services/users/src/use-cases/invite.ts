import { ValidationError, type EventMeta } from '@pm/kernel';
import type { CreateInvitationBody, Invitation } from '../contract/http.ts';
import { InvitationCreated, InvitationResent, InvitationRevoked } from '../contract/events.ts';
import { statusOf, toInvitation } from '../data/invitation.repository.ts';
import type { Db, InvitationRow } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { isOrgAdmin } from '../domain/roles.ts';
import { hashSecret, newSecret } from '../domain/secrets.ts';
import {
  AlreadyMemberError,
  forbidden,
  InvitationClosedError,
  InvitationExistsError,
  InvitationNotFoundError,
} from '../domain/users.errors.ts';
import { requireOrgAdmin } from './access.ts';
import { sendInvitationEmail } from './invitation-email.ts';

function expiryFrom(deps: UsersDeps, now: Date): Date {
  return new Date(now.getTime() + deps.config.USERS_INVITATION_TTL_DAYS * 86_400_000);
}

async function checkInvitee(
  deps: UsersDeps,
  organizationId: string,
  body: CreateInvitationBody,
): Promise<void> {
  if (body.team_id) {
    const team = await deps.teams.find(body.team_id);
    if (team?.organization_id !== organizationId) {
      throw new ValidationError([{ field: 'team_id', message: 'is not a team of this organization' }]);
    }
  }
  if (await deps.members.hasMemberWithEmail(organizationId, body.email)) {
    throw new AlreadyMemberError('email');
  }
}

/** Invitation emails of one organization, new and resent, count against one hourly quota. */
function consumeMailQuota(deps: UsersDeps, organizationId: string): Promise<void> {
  return deps.limiter.consume(`users:invitations:${organizationId}`, {
    max: deps.config.USERS_INVITATIONS_PER_HOUR,
    windowSeconds: 3600,
  });
}

/** A pending invitation to the address blocks a new one; an expired one is revoked to make room. */
async function clearPending(
  deps: UsersDeps,
  trx: Db,
  organizationId: string,
  email: string,
  meta: EventMeta,
) {
  const pending = await deps.invitations.findPending(trx, organizationId, email);
  const now = deps.clock.now();
  if (pending && pending.expires_at > now) {
    throw new InvitationExistsError();
  }
  if (pending) {
    await deps.invitations.revoke(trx, pending.id, now);
    await deps.outbox.add(
      trx,
      InvitationRevoked.create({ invitation_id: pending.id, organization_id: organizationId }, meta),
    );
  }
}

/** Owners and admins invite by email; an expired invitation to the same address is replaced. */
export async function createInvitation(
  deps: UsersDeps,
  callerId: string,
  organizationId: string,
  body: CreateInvitationBody,
): Promise<Invitation> {
  await requireOrgAdmin(deps, organizationId, callerId);
  await checkInvitee(deps, organizationId, body);
  await consumeMailQuota(deps, organizationId);
  const token = newSecret();
  const now = deps.clock.now();
  const meta = { actor_id: callerId, org_id: organizationId };
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    // The lock makes the pending check and the insert one step for concurrent invitations.
    await deps.organizations.lock(trx, organizationId);
    await clearPending(deps, trx, organizationId, body.email, meta);
    const created = await deps.invitations.insert(trx, {
      organization_id: organizationId,
      team_id: body.team_id ?? null,
      email: body.email.trim(),
      role: body.role ?? 'member',
      token_hash: hashSecret(token),
      invited_by: callerId,
      expires_at: expiryFrom(deps, now),
    });
    const { id, email, role, team_id } = created;
    const data = { invitation_id: id, organization_id: organizationId, email, role, team_id };
    await deps.outbox.add(trx, InvitationCreated.create(data, meta));
    return created;
  });
  await sendInvitationEmail(deps, row.token_hash, token);
  return toInvitation(row, now);
}

/** The invitation, for owners and admins of its organization; a 404 for everyone outside it. */
export async function invitationForAdmin(
  deps: UsersDeps,
  callerId: string,
  invitationId: string,
): Promise<InvitationRow> {
  const invitation = await deps.invitations.findById(invitationId);
  const role = invitation ? await deps.members.roleOf(invitation.organization_id, callerId) : undefined;
  if (!invitation || !role) {
    throw new InvitationNotFoundError();
  }
  if (!isOrgAdmin(role)) {
    throw forbidden('Only owners and admins manage invitations');
  }
  return invitation;
}

/** A new token and a new expiry, emailed again; the previous link stops working. */
export async function resendInvitation(
  deps: UsersDeps,
  callerId: string,
  invitationId: string,
): Promise<Invitation> {
  const invitation = await invitationForAdmin(deps, callerId, invitationId);
  const status = statusOf(invitation, deps.clock.now());
  if (status === 'accepted' || status === 'revoked') {
    throw new InvitationClosedError(status);
  }
  await deps.limiter.consume(`users:invitation-resend:${invitationId}`, { max: 5, windowSeconds: 3600 });
  await consumeMailQuota(deps, invitation.organization_id);
  const token = newSecret();
  const now = deps.clock.now();
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    const current = await deps.invitations.findById(invitationId, trx, true);
    if (current?.status !== 'pending') {
      throw new InvitationClosedError(current?.status ?? 'revoked');
    }
    const renewed = await deps.invitations.renew(
      trx,
      invitationId,
      hashSecret(token),
      expiryFrom(deps, now),
      now,
    );
    const orgId = renewed.organization_id;
    const data = {
      invitation_id: invitationId,
      organization_id: orgId,
      expires_at: renewed.expires_at.toISOString(),
    };
    await deps.outbox.add(trx, InvitationResent.create(data, { actor_id: callerId, org_id: orgId }));
    return renewed;
  });
  await sendInvitationEmail(deps, row.token_hash, token);
  return toInvitation(row, now);
}
