import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { PlusIcon, TeamIcon } from '../../../shared/ui/icons.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { isOrgAdmin } from '../../organizations/organization-roles.ts';
import { TeamDialog } from '../components/team-dialog.tsx';
import { useTeams } from '../hooks/use-teams.ts';

export function TeamsPage() {
  const { organization } = useCurrentOrganization();
  const teams = useTeams(organization.id);
  const [isCreating, setCreating] = useState(false);
  const isAdmin = isOrgAdmin(organization.my_role);
  const items = teams.data ?? [];
  const createButton = (label: string) => (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      {label}
    </Button>
  );

  return (
    <Page
      title="Teams"
      description={`Groups of people in ${organization.name} who work together.`}
      width="wide"
      actions={isAdmin && items.length > 0 ? createButton('New team') : null}
    >
      {teams.isError ? (
        <ErrorBanner
          title="We couldn't load teams"
          error={teams.error}
          onRetry={() => void teams.refetch()}
        />
      ) : null}
      {teams.isPending ? (
        <div className="team-grid" aria-busy="true" aria-label="Loading teams">
          {[0, 1, 2].map((i) => (
            <div key={i} className="team-card">
              <Skeleton width={32} height={32} />
              <Skeleton width="60%" />
              <Skeleton width="40%" height={12} />
            </div>
          ))}
        </div>
      ) : null}
      {teams.isSuccess && items.length === 0 ? (
        <div className="table-card">
          <EmptyState
            icon={<TeamIcon size={22} />}
            title="No teams yet"
            description={
              isAdmin
                ? 'Teams group people so projects can be owned by them and work shared out.'
                : 'Owners and admins create teams.'
            }
            actions={isAdmin ? createButton('Create team') : null}
          />
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="team-grid" aria-label="Teams">
          {items.map((team) => (
            <li key={team.id} className="team-card">
              <Avatar name={team.name} shape="square" size={32} />
              <Link to={`/teams/${team.id}`} className="team-card-link">
                {team.name}
              </Link>
              <p className="team-card-description">{team.description ?? 'No description'}</p>
              <p className="team-card-meta">
                {team.member_count} {team.member_count === 1 ? 'member' : 'members'}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {isAdmin ? (
        <TeamDialog organizationId={organization.id} open={isCreating} onClose={() => setCreating(false)} />
      ) : null}
    </Page>
  );
}
