import { Outlet } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { useSignedInUser } from '../features/auth/hooks/use-session.ts';
import { AppFrame, type NavSection } from '../shared/ui/app-frame.tsx';
import { DevicesIcon, HomeIcon, UserIcon } from '../shared/ui/icons.tsx';

const NAV: NavSection[] = [
  { items: [{ to: '/', label: 'Home', icon: <HomeIcon />, end: true }] },
  {
    title: 'Settings',
    items: [
      { to: '/settings/profile', label: 'Profile', icon: <UserIcon /> },
      { to: '/settings/sessions', label: 'Sessions', icon: <DevicesIcon /> },
    ],
  },
];

function SignedInFrame() {
  const user = useSignedInUser();
  return (
    <AppFrame nav={NAV} userMenu={<UserMenu user={user} />}>
      <Outlet />
    </AppFrame>
  );
}

/** Every signed-in route renders inside this: the session check, then the app frame. */
export function AppLayout() {
  return (
    <RequireAuth>
      <SignedInFrame />
    </RequireAuth>
  );
}
