import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { AlertIcon, CheckCircleIcon } from '../../../shared/ui/icons.tsx';
import { AuthLayout, AuthResult } from '../../auth/components/auth-layout.tsx';
import type { InvitationLookup } from '../organization.types.ts';

/** An invitation that can no longer be accepted: used, withdrawn or out of date. */
export function ClosedInvitation({
  invitation,
  isSignedIn,
}: {
  invitation: InvitationLookup;
  isSignedIn: boolean;
}) {
  const onward = isSignedIn ? (
    <Link to="/projects" className={buttonClass('primary', 'lg', 'btn-block')}>
      Go to your projects
    </Link>
  ) : (
    <Link to="/sign-in" className={buttonClass('primary', 'lg', 'btn-block')}>
      Sign in
    </Link>
  );
  const org = invitation.organization_name;
  return (
    <AuthLayout title={`Join ${org}`}>
      {invitation.status === 'accepted' ? (
        <AuthResult tone="success" icon={<CheckCircleIcon size={20} />}>
          <h2>Already accepted</h2>
          <p>
            This invitation has been used. If it was you,{' '}
            {isSignedIn ? 'you are in.' : 'sign in to continue.'}
          </p>
        </AuthResult>
      ) : (
        <AuthResult tone="error" icon={<AlertIcon size={20} />}>
          <h2>
            {invitation.status === 'expired'
              ? 'This invitation has expired'
              : 'This invitation was withdrawn'}
          </h2>
          <p>
            {invitation.status === 'expired'
              ? `It was valid until ${formatDate(invitation.expires_at)}. Ask ${invitation.inviter_name} to send a new one.`
              : `${org} no longer offers it. Ask ${invitation.inviter_name} if you think this is a mistake.`}
          </p>
        </AuthResult>
      )}
      {onward}
    </AuthLayout>
  );
}
