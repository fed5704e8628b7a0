import { Link, useNavigate } from 'react-router';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button, buttonClass } from '../../../shared/ui/button.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { User } from '../../auth/auth.types.ts';
import { useSignOut } from '../../auth/hooks/use-session.ts';
import { useAcceptInvitation } from '../hooks/use-organization-mutations.ts';
import type { InvitationLookup } from '../organization.types.ts';

interface InvitationActionsProps {
  token: string;
  invitation: InvitationLookup;
  /** This page, to come back to after signing in or up. */
  returnPath: string;
  /** The signed-in user, or null for a visitor. */
  user: User | null;
}

/** Accept (signed in with the invited address), or sign up / in first and come back here. */
export function InvitationActions({ token, invitation, returnPath, user }: InvitationActionsProps) {
  const accept = useAcceptInvitation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const toast = useToast();
  const next = encodeURIComponent(returnPath);

  if (!user) {
    return (
      <>
        <p className="auth-note">
          The invitation is for <strong>{invitation.email}</strong>. Create an account with that address, or
          sign in if you already have one.
        </p>
        <Link
          to={`/sign-up?next=${next}&email=${encodeURIComponent(invitation.email)}`}
          className={buttonClass('primary', 'lg', 'btn-block')}
        >
          Sign up to join
        </Link>
        <Link to={`/sign-in?next=${next}`} className={buttonClass('secondary', 'lg', 'btn-block')}>
          Sign in
        </Link>
      </>
    );
  }

  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <>
        <Banner tone="warning" title="This invitation is for someone else">
          It was sent to <strong>{invitation.email}</strong>, but you're signed in as{' '}
          <strong>{user.email}</strong>. Sign out, then sign in or up with the invited address.
        </Banner>
        <Button size="lg" block onClick={() => void signOut()}>
          Sign out
        </Button>
      </>
    );
  }

  const onAccept = () =>
    accept.mutate(token, {
      onSuccess: (organization) => {
        toast.show(`Welcome to ${organization.name}`);
        void navigate('/projects', { replace: true });
      },
    });
  return (
    <>
      {accept.isError ? <ErrorBanner error={accept.error} /> : null}
      <p className="auth-note">
        You're signed in as <strong>{user.email}</strong>.
      </p>
      <Button variant="primary" size="lg" block isLoading={accept.isPending} onClick={onAccept}>
        Accept invitation
      </Button>
    </>
  );
}
