import { Link } from 'react-router';
import { Card } from '../../shared/ui/card.tsx';
import { DevicesIcon, SlidersIcon, UserIcon, UsersIcon } from '../../shared/ui/icons.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { VerifyEmailBanner } from '../auth/components/verify-email-banner.tsx';
import { useSignedInUser } from '../auth/hooks/use-session.ts';
import { HomeProjectsCard } from './home-projects-card.tsx';

function greeting(hour: number): string {
  if (hour < 5 || hour >= 18) {
    return 'Good evening';
  }
  return hour < 12 ? 'Good morning' : 'Good afternoon';
}

const SHORTCUTS = [
  { to: '/members', label: 'Invite teammates', icon: <UsersIcon /> },
  { to: '/settings/profile', label: 'Your profile', icon: <UserIcon /> },
  { to: '/settings/preferences', label: 'Time zone and notifications', icon: <SlidersIcon /> },
  { to: '/settings/sessions', label: 'Signed-in devices', icon: <DevicesIcon /> },
];

export function HomePage() {
  const user = useSignedInUser();
  const name = user.first_name ?? user.username;
  return (
    <Page title="Home" description={`${greeting(new Date().getHours())}, ${name}.`} width="wide">
      <VerifyEmailBanner user={user} />
      <div className="home-grid">
        <HomeProjectsCard />
        <Card title="Shortcuts">
          <ul className="shortcut-list">
            {SHORTCUTS.map((shortcut) => (
              <li key={shortcut.to}>
                <Link to={shortcut.to} className="shortcut">
                  {shortcut.icon}
                  <span>{shortcut.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </Page>
  );
}
