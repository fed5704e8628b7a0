import type { Page } from '@pm/kernel';
import type { Invitation, InvitationListQuery, InvitationLookup } from '../contract/http.ts';
import { InvitationRevoked } from '../contract/events.ts';
import { statusOf } from '../data/invitation.repository.ts';
import type { UsersDeps } from '../deps.ts';
import { hashSecret } from '../domain/secrets.ts';
import { InvitationClosedError, InvitationNotFoundError } from '../domain/users.errors.ts';
import { requireOrgAdmin } from './access.ts';
import { invitationForAdmin } from './invite.ts';
import { inviterNameOf } from './invitation-email.ts';

export async function listInvitations(
  deps: UsersDeps,
  callerId: string,
  organizationId: string,
  query: InvitationListQuery,
): Promise<Page<Invitation>> {
  await requireOrgAdmin(deps, organizationId, callerId);
  return deps.invitations.list(organizationId, query, deps.clock.now());
}

/** Revoking twice is harmless; an accepted invitation is history and stays as it is. */
export async function revokeInvitation(
  deps: UsersDeps,
  callerId: string,
  invitationId: string,
): Promise<void> {
  await invitationForAdmin(deps, callerId, invitationId);
  const now = deps.clock.now();
  await deps.outbox.transaction(deps.db, async (trx) => {
    const current = await deps.invitations.findById(invitationId, trx, true);
    if (!current || current.status === 'revoked') {
      return;
    }
    if (current.status === 'accepted') {
      throw new InvitationClosedError('accepted');
    }
    await deps.invitations.revoke(trx, invitationId, now);
    await deps.outbox.add(
      trx,
      InvitationRevoked.create(
        { invitation_id: invitationId, organization_id: current.organization_id },
        { actor_id: callerId, org_id: current.organization_id },
      ),
    );
  });
}

/** Public: what the accept page shows to whoever holds the emailed token. */
export async function lookupInvitation(deps: UsersDeps, token: string): Promise<InvitationLookup> {
  const details = await deps.invitations.detailsByTokenHash(hashSecret(token));
  if (!details) {
    throw new InvitationNotFoundError();
  }
  return {
    organization_name: details.organization_name,
    inviter_name: inviterNameOf(details),
    email: details.email,
    role: details.role,
    ...(details.team_name ? { team_name: details.team_name } : {}),
    expires_at: details.expires_at.toISOString(),
    status: statusOf(details, deps.clock.now()),
  };
}
