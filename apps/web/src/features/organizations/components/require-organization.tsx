import { useState } from 'react';
import { Outlet } from 'react-router';
import { pageTitle } from '../../../shared/brand.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { BuildingIcon, PlusIcon } from '../../../shared/ui/icons.tsx';
import { PageSpinner } from '../../../shared/ui/spinner.tsx';
import { useOrganizations } from '../current-organization.tsx';
import { CreateOrganizationDialog } from './create-organization-dialog.tsx';

/** Organization pages render only once there is a current organization to show. */
export function RequireOrganization() {
  const { current, isPending, isSettingUp, error, refetch } = useOrganizations();
  const [isCreating, setCreating] = useState(false);
  if (current) {
    return <Outlet />;
  }
  if (error) {
    return (
      <div className="page page-wide">
        <ErrorBanner title="We couldn't load your organizations" error={error} onRetry={refetch} />
      </div>
    );
  }
  if (isPending) {
    return <PageSpinner />;
  }
  if (isSettingUp) {
    // A new account's personal organization arrives a moment after sign-up.
    return <PageSpinner label="Setting up your workspace…" />;
  }
  return (
    <div className="page page-wide">
      <title>{pageTitle('No organization')}</title>
      <div className="panel-state">
        <EmptyState
          icon={<BuildingIcon size={22} />}
          title="You're not in an organization yet"
          description="Projects, teams and members live in an organization. Create one, or open the invitation link a teammate emailed you."
          actions={
            <Button variant="primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              Create organization
            </Button>
          }
        />
      </div>
      <CreateOrganizationDialog open={isCreating} onClose={() => setCreating(false)} />
    </div>
  );
}
