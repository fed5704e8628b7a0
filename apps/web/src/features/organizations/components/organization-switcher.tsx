import { useState } from 'react';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { CheckIcon, ChevronDownIcon, PlusIcon } from '../../../shared/ui/icons.tsx';
import { MenuButton, type MenuItem } from '../../../shared/ui/menu-button.tsx';
import { useOrganizations } from '../current-organization.tsx';
import { ORG_ROLE_LABELS } from '../organization-roles.ts';
import { CreateOrganizationDialog } from './create-organization-dialog.tsx';

/** The current organization at the top of the sidebar; its menu switches or creates one. */
export function OrganizationSwitcher() {
  const { current, organizations, switchTo } = useOrganizations();
  const [isCreating, setCreating] = useState(false);
  if (!current) {
    return null;
  }
  const items: MenuItem[] = [
    ...organizations.map((org) => ({
      key: org.id,
      label: org.name,
      icon: org.id === current.id ? <CheckIcon /> : <span className="menu-icon-space" />,
      onSelect: () => switchTo(org.id),
    })),
    { key: 'create', label: 'Create organization', icon: <PlusIcon />, onSelect: () => setCreating(true) },
  ];
  return (
    <>
      <MenuButton
        menuLabel="Organizations"
        className="org-switcher"
        trigger={
          <>
            <Avatar name={current.name} size={22} shape="square" />
            <span className="org-switcher-name">{current.name}</span>
            <ChevronDownIcon size={14} className="user-menu-chevron" />
          </>
        }
        header={
          <>
            <p className="menu-header-name">{current.name}</p>
            <p className="menu-header-email">Your role: {ORG_ROLE_LABELS[current.my_role]}</p>
          </>
        }
        items={items}
      />
      <CreateOrganizationDialog open={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}
