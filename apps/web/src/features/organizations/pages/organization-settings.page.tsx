import { Page } from '../../../shared/ui/page.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { NoAccess } from '../../../shared/ui/no-access.tsx';
import { OrganizationSettingsForm } from '../components/organization-settings-form.tsx';
import { useCurrentOrganization } from '../current-organization.tsx';
import { isOrgAdmin, roleWithArticle } from '../organization-roles.ts';

export function OrganizationSettingsPage() {
  const { organization } = useCurrentOrganization();
  if (!isOrgAdmin(organization.my_role)) {
    return (
      <Page title="Organization settings">
        <NoAccess>
          Only owners and admins change {organization.name}'s settings. You're{' '}
          {roleWithArticle(organization.my_role)} here.
        </NoAccess>
      </Page>
    );
  }
  return (
    <Page
      title="Organization settings"
      description={`How ${organization.name} is named, who can join it and how time is tracked.`}
    >
      <Card title="General">
        <OrganizationSettingsForm key={organization.version} organization={organization} />
      </Card>
    </Page>
  );
}
