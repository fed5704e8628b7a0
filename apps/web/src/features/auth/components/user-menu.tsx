import { Avatar } from '../../../shared/ui/avatar.tsx';
import {
  ChevronDownIcon,
  DevicesIcon,
  SignOutIcon,
  SlidersIcon,
  UserIcon,
} from '../../../shared/ui/icons.tsx';
import { MenuButton } from '../../../shared/ui/menu-button.tsx';
import type { User } from '../auth.types.ts';
import { displayName } from '../display-name.ts';
import { useSignOut } from '../hooks/use-session.ts';

/** The account menu in the sidebar: who is signed in, their settings, and signing out. */
export function UserMenu({ user }: { user: User }) {
  const signOut = useSignOut();
  const name = displayName(user);
  return (
    <MenuButton
      menuLabel="Account"
      placement="above"
      className="user-menu"
      trigger={
        <>
          <Avatar name={name} size={24} />
          <span className="user-menu-name">{name}</span>
          <ChevronDownIcon size={14} className="user-menu-chevron" />
        </>
      }
      header={
        <>
          <p className="menu-header-name">{name}</p>
          <p className="menu-header-email">{user.email}</p>
        </>
      }
      items={[
        { key: 'profile', label: 'Profile', icon: <UserIcon />, to: '/settings/profile' },
        { key: 'preferences', label: 'Preferences', icon: <SlidersIcon />, to: '/settings/preferences' },
        { key: 'sessions', label: 'Sessions', icon: <DevicesIcon />, to: '/settings/sessions' },
        { key: 'sign-out', label: 'Sign out', icon: <SignOutIcon />, onSelect: () => void signOut() },
      ]}
    />
  );
}
