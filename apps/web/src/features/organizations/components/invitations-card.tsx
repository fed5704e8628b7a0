import { useState } from 'react';
import { describeError } from '../../../shared/api/problem.ts';
import { formatDate, formatRelative } from '../../../shared/format/date.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { MailIcon } from '../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useTeams } from '../../teams/hooks/use-teams.ts';
import { useInvitations, useResendInvitation, useRevokeInvitation } from '../hooks/use-invitations.ts';
import { ORG_ROLE_LABELS } from '../organization-roles.ts';
import type { Invitation, InvitationStatus } from '../organization.types.ts';

const STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};
const STATUS_TONES: Record<InvitationStatus, string> = {
  pending: 'badge-accent',
  accepted: 'badge-success',
  revoked: '',
  expired: 'badge-warning',
};

/** Invitations of the organization: pending ones first, with resend and revoke. */
export function InvitationsCard({ organizationId }: { organizationId: string }) {
  const [filter, setFilter] = useState<'pending' | 'all'>('pending');
  const invitations = useInvitations(organizationId, filter);
  const teams = useTeams(organizationId);
  const revoke = useRevokeInvitation(organizationId);
  const resend = useResendInvitation(organizationId);
  const toast = useToast();
  const teamName = (id: string | null) => (id ? (teams.data?.find((t) => t.id === id)?.name ?? null) : null);
  const failed = (error: unknown) => toast.show(describeError(error), 'error');
  const items = invitations.data ?? [];

  const onResend = (invitation: Invitation) =>
    resend.mutate(invitation.id, {
      onSuccess: () => toast.show(`Sent a new link to ${invitation.email}`),
      onError: failed,
    });
  const onRevoke = (invitation: Invitation) =>
    revoke.mutate(invitation.id, {
      onSuccess: () => toast.show(`Revoked the invitation to ${invitation.email}`),
      onError: failed,
    });

  return (
    <Card
      title="Invitations"
      description="People invited by email who haven't joined yet."
      actions={
        <select
          className="input select select-sm"
          aria-label="Show invitations"
          value={filter}
          onChange={(e) => setFilter(e.target.value as 'pending' | 'all')}
        >
          <option value="pending">Pending</option>
          <option value="all">All</option>
        </select>
      }
    >
      {invitations.isError ? (
        <ErrorBanner error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : null}
      {invitations.isPending ? <Skeleton height={40} /> : null}
      {invitations.isSuccess && items.length === 0 ? (
        <EmptyState
          compact
          iconTone="neutral"
          icon={<MailIcon size={18} />}
          title={filter === 'pending' ? 'No pending invitations' : 'No invitations yet'}
        />
      ) : null}
      {items.length > 0 ? (
        <ul className="invitation-list" aria-label="Invitations">
          {items.map((invitation) => {
            const team = teamName(invitation.team_id);
            const isBusy =
              (revoke.isPending && revoke.variables === invitation.id) ||
              (resend.isPending && resend.variables === invitation.id);
            return (
              <li key={invitation.id} className="invitation-row">
                <span className="invitation-icon" aria-hidden="true">
                  <MailIcon />
                </span>
                <div className="invitation-main">
                  <p className="invitation-email">{invitation.email}</p>
                  <p className="invitation-meta">
                    <span>{ORG_ROLE_LABELS[invitation.role]}</span>
                    {team ? <span>{team}</span> : null}
                    <span title={formatDate(invitation.created_at)}>
                      Sent {formatRelative(invitation.created_at)}
                    </span>
                    {invitation.status === 'pending' ? (
                      <span>Expires {formatRelative(invitation.expires_at)}</span>
                    ) : null}
                  </p>
                </div>
                <span className={['badge', STATUS_TONES[invitation.status]].join(' ').trim()}>
                  {STATUS_LABELS[invitation.status]}
                </span>
                {invitation.status === 'pending' || invitation.status === 'expired' ? (
                  <div className="row-actions">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={isBusy}
                      onClick={() => onResend(invitation)}
                      aria-label={`Resend invitation to ${invitation.email}`}
                    >
                      Resend
                    </Button>
                    {invitation.status === 'pending' ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={isBusy}
                        onClick={() => onRevoke(invitation)}
                        aria-label={`Revoke invitation to ${invitation.email}`}
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Card>
  );
}
