import type { EventEnvelope, EventMeta } from '@pm/kernel';
import type { Organization } from '../contract/http.ts';
import { InvitationAccepted, MemberAdded, TeamMemberAdded } from '../contract/events.ts';
import type { Db, InvitationRow } from '../data/users.tables.ts';
import type { Caller, UsersDeps } from '../deps.ts';
import { hashSecret } from '../domain/secrets.ts';
import {
  InvitationEmailMismatchError,
  InvitationNotFoundError,
  InvitationUnusableError,
} from '../domain/users.errors.ts';
import { personFromClaims, personOfCaller } from './user-view.ts';

/** Throws unless the invitation can be accepted now by someone with `email`. */
function assertUsable(invitation: InvitationRow, email: string | null, now: Date): void {
  if (invitation.status === 'accepted') {
    throw new InvitationUnusableError('was already used');
  }
  if (invitation.status === 'revoked') {
    throw new InvitationUnusableError('was revoked');
  }
  if (invitation.expires_at <= now) {
    throw new InvitationUnusableError('has expired');
  }
  if (email?.toLowerCase() !== invitation.email.toLowerCase()) {
    throw new InvitationEmailMismatchError();
  }
}

/** The invited team, unless it was deleted since or the person is in it already. */
async function joinTeam(
  deps: UsersDeps,
  trx: Db,
  invitation: InvitationRow,
  userId: string,
  meta: EventMeta,
) {
  const teamId = invitation.team_id;
  if (
    !teamId ||
    !(await deps.teams.find(teamId, trx)) ||
    !(await deps.teamMembers.add(trx, teamId, userId, 'member'))
  ) {
    return [];
  }
  const data = {
    team_id: teamId,
    organization_id: invitation.organization_id,
    user_id: userId,
    role: 'member' as const,
  };
  return [TeamMemberAdded.create(data, meta)];
}

/** Adds the memberships the invitation grants; an existing membership keeps its role. */
async function join(
  deps: UsersDeps,
  trx: Db,
  invitation: InvitationRow,
  caller: Caller,
): Promise<EventEnvelope[]> {
  const organizationId = invitation.organization_id;
  const meta = { actor_id: caller.id, org_id: organizationId };
  const events: EventEnvelope[] = [];
  await deps.organizations.lock(trx, organizationId);
  // A placeholder entry until the account event arrives, so member lists show the person at once.
  const { is_active: _isActive, ...placeholder } = personFromClaims(caller);
  await deps.directory.insertIfMissing(trx, { ...placeholder, email: caller.email });
  if (await deps.members.add(trx, organizationId, caller.id, invitation.role)) {
    const data = { organization_id: organizationId, user_id: caller.id, role: invitation.role };
    events.push(MemberAdded.create(data, meta));
  }
  events.push(...(await joinTeam(deps, trx, invitation, caller.id, meta)));
  const accepted = { invitation_id: invitation.id, organization_id: organizationId, user_id: caller.id };
  events.push(InvitationAccepted.create(accepted, meta));
  return events;
}

/**
 * Accepts an invitation for the signed-in caller, whose account email must be the invited one.
 * Accepting the same invitation again answers the organization once more.
 */
export async function acceptInvitation(
  deps: UsersDeps,
  caller: Caller,
  token: string,
): Promise<Organization> {
  const person = await personOfCaller(deps, caller);
  const now = deps.clock.now();
  const organizationId = await deps.outbox.transaction(deps.db, async (trx) => {
    const invitation = await deps.invitations.findByTokenHash(hashSecret(token), trx, true);
    if (!invitation) {
      throw new InvitationNotFoundError();
    }
    if (invitation.status === 'accepted' && invitation.accepted_by === caller.id) {
      return invitation.organization_id;
    }
    assertUsable(invitation, person.email, now);
    const events = await join(deps, trx, invitation, caller);
    await deps.invitations.accept(trx, invitation.id, caller.id, now);
    await deps.outbox.add(trx, ...events);
    return invitation.organization_id;
  });
  const organization = await deps.organizations.findForMember(organizationId, caller.id);
  if (!organization) {
    throw new InvitationUnusableError('was already used');
  }
  return organization;
}
