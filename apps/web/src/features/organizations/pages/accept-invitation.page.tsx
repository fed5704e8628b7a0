import { useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/problem.ts';
import { AlertIcon } from '../../../shared/ui/icons.tsx';
import { Spinner } from '../../../shared/ui/spinner.tsx';
import { AuthLayout, AuthResult } from '../../auth/components/auth-layout.tsx';
import { useCurrentUser, useHasSession } from '../../auth/hooks/use-session.ts';
import { ClosedInvitation } from '../components/closed-invitation.tsx';
import { InvitationActions } from '../components/invitation-actions.tsx';
import { useInvitationLookup } from '../hooks/use-invitations.ts';
import { roleWithArticle } from '../organization-roles.ts';

function Broken({ title, children }: { title: string; children: string }) {
  return (
    <AuthLayout title="Join an organization">
      <AuthResult tone="error" icon={<AlertIcon size={20} />}>
        <h2>{title}</h2>
        <p>{children}</p>
      </AuthResult>
    </AuthLayout>
  );
}

/** The landing page of the emailed invitation link, for visitors signed in or not. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token') ?? '';
  const lookup = useInvitationLookup(token);
  const isSignedIn = useHasSession();
  const user = useCurrentUser();

  if (!token) {
    return (
      <Broken title="This link is incomplete">
        Open the link from the email again, or copy the whole address into your browser.
      </Broken>
    );
  }
  if (lookup.isPending || (isSignedIn && user.isPending)) {
    return (
      <AuthLayout title="Join an organization">
        <div className="center">
          <Spinner label="Loading the invitation" />
        </div>
      </AuthLayout>
    );
  }
  if (lookup.isError) {
    const isUnknown = lookup.error instanceof ApiError && lookup.error.status < 500;
    return isUnknown ? (
      <Broken title="We don't recognise this invitation">
        The link may be mistyped, or it was replaced by a newer one. Ask for a new invitation.
      </Broken>
    ) : (
      <Broken title="We couldn't load this invitation">
        Something went wrong on our side. Try again in a moment.
      </Broken>
    );
  }

  const invitation = lookup.data;
  if (invitation.status !== 'pending') {
    return <ClosedInvitation invitation={invitation} isSignedIn={isSignedIn} />;
  }
  const team = invitation.team_name ? `, on the ${invitation.team_name} team` : '';
  return (
    <AuthLayout
      title={`Join ${invitation.organization_name}`}
      subtitle={
        <>
          <strong>{invitation.inviter_name}</strong> invited you to join as {roleWithArticle(invitation.role)}
          {team}.
        </>
      }
    >
      <InvitationActions
        token={token}
        invitation={invitation}
        returnPath={location.pathname + location.search}
        user={isSignedIn ? (user.data ?? null) : null}
      />
    </AuthLayout>
  );
}
