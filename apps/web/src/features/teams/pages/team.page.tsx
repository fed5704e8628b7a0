import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, describeError } from '../../../shared/api/problem.ts';
import { pageTitle } from '../../../shared/brand.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button, buttonClass } from '../../../shared/ui/button.tsx';
import { ConfirmDialog } from '../../../shared/ui/dialog.tsx';
import { NotFoundState } from '../../../shared/ui/no-access.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useSignedInUser } from '../../auth/hooks/use-session.ts';
import { useOrganizations } from '../../organizations/current-organization.tsx';
import { isOrgAdmin } from '../../organizations/organization-roles.ts';
import { TeamDialog } from '../components/team-dialog.tsx';
import { TeamMembersCard } from '../components/team-members-card.tsx';
import { useDeleteTeam, useTeam, useTeamMembers } from '../hooks/use-teams.ts';
import type { Team } from '../team.types.ts';

function TeamView({ team }: { team: Team }) {
  const me = useSignedInUser();
  const { organizations } = useOrganizations();
  const members = useTeamMembers(team.id);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const remove = useDeleteTeam(team);
  const navigate = useNavigate();
  const toast = useToast();
  const orgRole = organizations.find((org) => org.id === team.organization_id)?.my_role ?? 'guest';
  const isAdmin = isOrgAdmin(orgRole);
  const isLead = members.data?.some((m) => m.user_id === me.id && m.role === 'lead') ?? false;

  const onDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.show(`Deleted ${team.name}`);
        void navigate('/teams', { replace: true });
      },
      onError: (error) => toast.show(describeError(error), 'error'),
    });

  return (
    <div className="page page-wide">
      <title>{pageTitle(team.name)}</title>
      <header className="page-header">
        <div className="team-heading">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/teams">Teams</Link>
            <span aria-hidden="true">/</span>
            <span>{team.name}</span>
          </nav>
          <div className="project-title-row">
            <Avatar name={team.name} shape="square" size={28} />
            <h1 className="page-title">{team.name}</h1>
          </div>
          <p className="page-description">{team.description ?? 'No description.'}</p>
        </div>
        {isAdmin ? (
          <div className="page-actions">
            <Button onClick={() => setDialog('edit')}>Edit team</Button>
            <Button variant="danger" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </div>
        ) : null}
      </header>
      <div className="page-content">
        <TeamMembersCard team={team} canManage={isAdmin || isLead} myId={me.id} />
      </div>
      {isAdmin ? (
        <>
          <TeamDialog
            key={team.version}
            organizationId={team.organization_id}
            team={team}
            open={dialog === 'edit'}
            onClose={() => setDialog(null)}
          />
          <ConfirmDialog
            open={dialog === 'delete'}
            title={`Delete ${team.name}?`}
            confirmLabel="Delete team"
            isPending={remove.isPending}
            onConfirm={onDelete}
            onClose={() => setDialog(null)}
          >
            The team and its memberships go away. People stay in the organization; projects owned by the team
            keep their members.
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}

export function TeamPage() {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  if (team.isPending) {
    return (
      <div className="page page-wide" aria-busy="true">
        <Skeleton width="40%" height={28} />
      </div>
    );
  }
  if (team.isError) {
    const isMissing =
      team.error instanceof ApiError && (team.error.status === 404 || team.error.status === 400);
    return (
      <div className="page page-wide">
        {isMissing ? (
          <NotFoundState
            title="Team not found"
            actions={
              <Link to="/teams" className={buttonClass('primary')}>
                Back to teams
              </Link>
            }
          >
            It may have been deleted, or it belongs to an organization you're not part of.
          </NotFoundState>
        ) : (
          <ErrorBanner
            title="We couldn't load this team"
            error={team.error}
            onRetry={() => void team.refetch()}
          />
        )}
      </div>
    );
  }
  return <TeamView team={team.data} />;
}
