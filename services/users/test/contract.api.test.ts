import { injectTransport, ServiceCallError } from '@pm/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersClient, MemberAdded, UserDeleted } from '../src/contract/index.ts';
import {
  invitationToken,
  outboxEvents,
  signUp,
  signUpWithOrganization,
  startUsers,
  type UsersTestContext,
} from './helpers.ts';

describe('the typed client against the routes', () => {
  let ctx: UsersTestContext;
  beforeAll(async () => {
    ctx = await startUsers();
  });
  afterAll(async () => ctx.close());

  it('drives every operation through the contract client', async () => {
    const client = createUsersClient(injectTransport(ctx.test.app));
    const { user: owner, organization } = await signUpWithOrganization(ctx);
    const t = owner.token;
    expect((await client.me(t)).organizations.map((o) => o.id)).toEqual([organization.id]);
    const org = await client.createOrganization(t, { name: 'Client Co' });
    expect((await client.getOrganization(t, org.id)).name).toBe('Client Co');
    expect(
      (await client.updateOrganization(t, org.id, { version: 1, settings: { week_start: 'sunday' } }))
        .settings.week_start,
    ).toBe('sunday');
    expect((await client.listOrganizations(t, { limit: 10 })).items).toHaveLength(2);

    const team = await client.createTeam(t, { organization_id: org.id, name: 'Clients' });
    expect((await client.getTeam(t, team.id)).member_count).toBe(1);
    expect(
      (await client.updateTeam(t, team.id, { version: 1, description: 'Serves clients' })).description,
    ).toBe('Serves clients');
    expect((await client.listTeams(t, { organization_id: org.id })).items).toHaveLength(1);

    const email = `client${Date.now()}@example.com`;
    const invitation = await client.invite(t, org.id, { email, role: 'member', team_id: team.id });
    expect((await client.listInvitations(t, org.id, { status: 'pending' })).items.map((i) => i.id)).toEqual([
      invitation.id,
    ]);
    await client.resendInvitation(t, invitation.id);
    const token = await invitationToken(ctx, email);
    expect((await client.lookupInvitation(token)).team_name).toBe('Clients');
    const colleague = await signUp(ctx, { email });
    expect((await client.acceptInvitation(colleague.token, token)).id).toBe(org.id);

    expect((await client.listMembers(t, org.id)).items).toHaveLength(2);
    expect((await client.changeMemberRole(t, org.id, colleague.id, 'admin')).role).toBe('admin');
    expect((await client.listTeamMembers(t, team.id)).items).toHaveLength(2);
    expect((await client.changeTeamMemberRole(t, team.id, colleague.id, 'lead')).role).toBe('lead');
    expect((await client.userTeams(t, colleague.id)).items[0]).toMatchObject({ id: team.id, role: 'lead' });
    await client.removeTeamMember(t, team.id, colleague.id);
    expect((await client.addTeamMember(t, team.id, { user_id: colleague.id })).role).toBe('member');

    expect((await client.listUsers(t, { organization_id: org.id, limit: 1 })).next_cursor).not.toBeNull();
    expect((await client.getUser(t, colleague.id)).email).toBe(email);
    expect(
      (await client.updateUser(colleague.token, colleague.id, { version: 1, language: 'de' })).profile
        .language,
    ).toBe('de');
    await client.removeMember(t, org.id, colleague.id);
    const second = await client.invite(t, org.id, { email: `other${Date.now()}@example.com` });
    await client.revokeInvitation(t, second.id);
    await client.deleteTeam(t, team.id);
    await client.deleteUser(colleague.token, colleague.id);
    await expect(client.getUser(t, 'f0f0f0f0-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      ServiceCallError,
    );

    // The published event definitions read what the service writes.
    const [added] = await outboxEvents(ctx, MemberAdded.type);
    expect(MemberAdded.is(added as never)).toBe(true);
    const [deleted] = await outboxEvents(ctx, UserDeleted.type);
    expect(UserDeleted.is(deleted as never)).toBe(true);
  });
});
