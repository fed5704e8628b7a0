import { Card } from '../../../shared/ui/card.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { InvitationsCard } from '../components/invitations-card.tsx';
import { InviteForm } from '../components/invite-form.tsx';
import { MembersTable } from '../components/members-table.tsx';
import { useCurrentOrganization } from '../current-organization.tsx';
import { useOrganizationMembers } from '../hooks/use-organizations.ts';
import { isOrgAdmin, roleWithArticle } from '../organization-roles.ts';

export function MembersPage() {
  const { organization } = useCurrentOrganization();
  const members = useOrganizationMembers(organization.id);
  const isAdmin = isOrgAdmin(organization.my_role);
  const count = members.data?.length;
  return (
    <Page
      title="Members"
      description={
        count === undefined
          ? `People in ${organization.name}.`
          : `${count} ${count === 1 ? 'person' : 'people'} in ${organization.name}. You're ${roleWithArticle(organization.my_role)}.`
      }
      width="wide"
    >
      {isAdmin ? (
        <Card title="Invite people" description="They get an email with a link to join this organization.">
          <InviteForm organizationId={organization.id} />
        </Card>
      ) : null}
      <MembersTable organization={organization} />
      {isAdmin ? <InvitationsCard organizationId={organization.id} /> : null}
    </Page>
  );
}
