import { TabNav, type Tab } from '../../../shared/ui/tab-nav.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { isOrgAdmin } from '../../organizations/organization-roles.ts';
import { useProjectList } from '../../projects/hooks/use-projects.ts';

/** Whether the caller decides timesheets: an organization owner/admin, or an admin of a project. */
export function useCanApproveTime(): boolean {
  const { organization } = useCurrentOrganization();
  const orgAdmin = isOrgAdmin(organization.my_role);
  const projects = useProjectList({ organization_id: orgAdmin ? '' : organization.id });
  return (
    orgAdmin || (projects.data?.pages ?? []).some((page) => page.items.some((p) => p.my_role === 'admin'))
  );
}

/** The time pages: the caller's timesheet, approvals (for approvers), reports and rates (for admins). */
export function TimeTabs() {
  const { organization } = useCurrentOrganization();
  const canApprove = useCanApproveTime();
  const tabs: Tab[] = [
    { to: '/time', label: 'Timesheet', end: true },
    ...(canApprove ? [{ to: '/time/approvals', label: 'Approvals' }] : []),
    { to: '/time/reports', label: 'Reports' },
    ...(isOrgAdmin(organization.my_role) ? [{ to: '/time/rates', label: 'Rates' }] : []),
  ];
  return <TabNav tabs={tabs} label="Time" />;
}
