import { Link } from 'react-router';
import { buttonClass } from '../../shared/ui/button.tsx';
import { EmptyState } from '../../shared/ui/empty-state.tsx';
import { LayersIcon } from '../../shared/ui/icons.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { VerifyEmailBanner } from '../auth/components/verify-email-banner.tsx';
import { useSignedInUser } from '../auth/hooks/use-session.ts';

function greeting(hour: number): string {
  if (hour < 5 || hour >= 18) {
    return 'Good evening';
  }
  return hour < 12 ? 'Good morning' : 'Good afternoon';
}

export function HomePage() {
  const user = useSignedInUser();
  const name = user.first_name ?? user.username;
  return (
    <Page title="Home" description={`${greeting(new Date().getHours())}, ${name}.`} width="wide">
      <VerifyEmailBanner user={user} />
      <div className="home-panel">
        <EmptyState
          icon={<LayersIcon size={24} />}
          title="Projects and tasks arrive soon"
          description="This is where your team will plan projects, track tasks and log time. While we build it, make sure your account is set up the way you like."
          actions={
            <>
              <Link to="/settings/profile" className={buttonClass('primary')}>
                Complete your profile
              </Link>
              <Link to="/settings/sessions" className={buttonClass('secondary')}>
                Review sessions
              </Link>
            </>
          }
        />
      </div>
    </Page>
  );
}
