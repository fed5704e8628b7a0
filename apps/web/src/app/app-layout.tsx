import { Outlet } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { useSignedInUser } from '../features/auth/hooks/use-session.ts';
import { CommandPalette } from '../features/command-palette/command-palette.tsx';
import { OrganizationSwitcher } from '../features/organizations/components/organization-switcher.tsx';
import { OrganizationsProvider, useOrganizations } from '../features/organizations/current-organization.tsx';
import { TimerWidget } from '../features/time/components/timer-widget.tsx';
import { useTimeLiveUpdates } from '../features/time/hooks/use-time-live-updates.ts';
import { RealtimeStatusIndicator } from '../shared/realtime/realtime-status-indicator.tsx';
import { AppFrame, type NavSection } from '../shared/ui/app-frame.tsx';
import {
  ClockIcon,
  DevicesIcon,
  FolderIcon,
  HomeIcon,
  InboxIcon,
  SettingsIcon,
  SlidersIcon,
  TeamIcon,
  UserIcon,
  UsersIcon,
} from '../shared/ui/icons.tsx';

const NAV: NavSection[] = [
  {
    items: [
      { to: '/', label: 'Home', icon: <HomeIcon />, end: true },
      { to: '/my-work', label: 'My work', icon: <InboxIcon /> },
      { to: '/time', label: 'Time', icon: <ClockIcon /> },
    ],
  },
  {
    title: 'Workspace',
    items: [
      { to: '/projects', label: 'Projects', icon: <FolderIcon /> },
      { to: '/teams', label: 'Teams', icon: <TeamIcon /> },
      { to: '/members', label: 'Members', icon: <UsersIcon /> },
      { to: '/organization/settings', label: 'Settings', icon: <SettingsIcon /> },
    ],
  },
  {
    title: 'Account',
    items: [
      { to: '/settings/profile', label: 'Profile', icon: <UserIcon /> },
      { to: '/settings/preferences', label: 'Preferences', icon: <SlidersIcon /> },
      { to: '/settings/sessions', label: 'Sessions', icon: <DevicesIcon /> },
    ],
  },
];

function SignedInFrame() {
  const user = useSignedInUser();
  const { current } = useOrganizations();
  useTimeLiveUpdates(user.id);
  return (
    <AppFrame
      nav={NAV}
      switcher={current ? <OrganizationSwitcher /> : null}
      userMenu={<UserMenu user={user} />}
      notice={<RealtimeStatusIndicator />}
      tools={current ? <TimerWidget /> : null}
    >
      <Outlet />
      <CommandPalette />
    </AppFrame>
  );
}

/** Every signed-in route renders inside this: the session check, the organizations, the app frame. */
export function AppLayout() {
  return (
    <RequireAuth>
      <OrganizationsProvider>
        <SignedInFrame />
      </OrganizationsProvider>
    </RequireAuth>
  );
}
