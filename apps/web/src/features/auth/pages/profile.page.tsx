import { formatDate } from '../../../shared/format/date.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { StaticField } from '../../../shared/ui/field.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { ChangePasswordForm } from '../components/change-password-form.tsx';
import { ProfileForm } from '../components/profile-form.tsx';
import { ResendVerificationButton } from '../components/resend-verification-button.tsx';
import { displayName } from '../display-name.ts';
import { useSignedInUser } from '../hooks/use-session.ts';

export function ProfilePage() {
  const user = useSignedInUser();
  return (
    <Page title="Profile" description="How you appear to teammates, and how you sign in.">
      <Card
        title="Personal details"
        description="Your name and username are visible to people you work with."
      >
        <div className="profile-identity">
          <Avatar name={displayName(user)} size={44} />
          <div>
            <p className="profile-name">{displayName(user)}</p>
            <p className="muted">@{user.username}</p>
          </div>
        </div>
        {/* Keyed by version so a save elsewhere (another tab) resets the form to the saved values. */}
        <ProfileForm key={user.updated_at} user={user} />
      </Card>

      <Card title="Account">
        <div className="details">
          <StaticField label="Email">
            <span>{user.email}</span>
            {user.email_verified ? (
              <span className="badge badge-success">Verified</span>
            ) : (
              <>
                <span className="badge badge-warning">Not verified</span>
                <ResendVerificationButton email={user.email} variant="ghost" />
              </>
            )}
          </StaticField>
          <StaticField label="Roles">
            {user.roles.length > 0 ? (
              <ul className="chips" aria-label="Roles">
                {user.roles.map((role) => (
                  <li key={role} className="badge">
                    {role}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">No roles yet</span>
            )}
          </StaticField>
          <StaticField label="Member since">{formatDate(user.created_at)}</StaticField>
        </div>
      </Card>

      <Card title="Password" description="Changing it signs you out on every other device.">
        <ChangePasswordForm />
      </Card>
    </Page>
  );
}
