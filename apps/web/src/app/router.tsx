import { createBrowserRouter, Navigate } from 'react-router';
import { GuestOnly } from '../features/auth/components/guest-only.tsx';
import { ForgotPasswordPage } from '../features/auth/pages/forgot-password.page.tsx';
import { OAuthCallbackPage } from '../features/auth/pages/oauth-callback.page.tsx';
import { ProfilePage } from '../features/auth/pages/profile.page.tsx';
import { ResetPasswordPage } from '../features/auth/pages/reset-password.page.tsx';
import { SessionsPage } from '../features/auth/pages/sessions.page.tsx';
import { SignInPage } from '../features/auth/pages/sign-in.page.tsx';
import { SignUpPage } from '../features/auth/pages/sign-up.page.tsx';
import { VerifyEmailPage } from '../features/auth/pages/verify-email.page.tsx';
import { HomePage } from '../features/home/home.page.tsx';
import { RequireOrganization } from '../features/organizations/components/require-organization.tsx';
import { AcceptInvitationPage } from '../features/organizations/pages/accept-invitation.page.tsx';
import { MembersPage } from '../features/organizations/pages/members.page.tsx';
import { OrganizationSettingsPage } from '../features/organizations/pages/organization-settings.page.tsx';
import { PreferencesPage } from '../features/preferences/pages/preferences.page.tsx';
import { ProjectLayout } from '../features/projects/pages/project-layout.tsx';
import { ProjectMembersPage } from '../features/projects/pages/project-members.page.tsx';
import { ProjectOverviewPage } from '../features/projects/pages/project-overview.page.tsx';
import { ProjectSettingsPage } from '../features/projects/pages/project-settings.page.tsx';
import { ProjectsPage } from '../features/projects/pages/projects.page.tsx';
import { BoardPage } from '../features/tasks/pages/board.page.tsx';
import { MyWorkPage } from '../features/tasks/pages/my-work.page.tsx';
import { TaskListPage } from '../features/tasks/pages/task-list.page.tsx';
import { TaskPage } from '../features/tasks/pages/task.page.tsx';
import { ApprovalsPage } from '../features/time/pages/approvals.page.tsx';
import { RatesPage } from '../features/time/pages/rates.page.tsx';
import { ReportsPage } from '../features/time/pages/reports.page.tsx';
import { TimesheetPage } from '../features/time/pages/timesheet.page.tsx';
import { TeamPage } from '../features/teams/pages/team.page.tsx';
import { TeamsPage } from '../features/teams/pages/teams.page.tsx';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { RouteError } from './route-error.tsx';

export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: '/sign-in',
          element: (
            <GuestOnly>
              <SignInPage />
            </GuestOnly>
          ),
        },
        {
          path: '/sign-up',
          element: (
            <GuestOnly>
              <SignUpPage />
            </GuestOnly>
          ),
        },
        { path: '/verify-email', element: <VerifyEmailPage /> },
        { path: '/forgot-password', element: <ForgotPasswordPage /> },
        { path: '/reset-password', element: <ResetPasswordPage /> },
        { path: '/oauth/callback', element: <OAuthCallbackPage /> },
        // Public: the invitation link works before the person has an account.
        { path: '/invitations/accept', element: <AcceptInvitationPage /> },
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'settings', element: <Navigate to="/settings/profile" replace /> },
            { path: 'settings/profile', element: <ProfilePage /> },
            { path: 'settings/preferences', element: <PreferencesPage /> },
            { path: 'settings/sessions', element: <SessionsPage /> },
            {
              element: <RequireOrganization />,
              children: [
                { path: 'projects', element: <ProjectsPage /> },
                {
                  path: 'projects/:projectId',
                  element: <ProjectLayout />,
                  children: [
                    { index: true, element: <ProjectOverviewPage /> },
                    { path: 'board', element: <BoardPage /> },
                    { path: 'list', element: <TaskListPage /> },
                    { path: 'members', element: <ProjectMembersPage /> },
                    { path: 'settings', element: <ProjectSettingsPage /> },
                  ],
                },
                { path: 'my-work', element: <MyWorkPage /> },
                { path: 'tasks/:taskRef', element: <TaskPage /> },
                { path: 'teams', element: <TeamsPage /> },
                { path: 'teams/:teamId', element: <TeamPage /> },
                { path: 'members', element: <MembersPage /> },
                { path: 'organization/settings', element: <OrganizationSettingsPage /> },
                { path: 'time', element: <TimesheetPage /> },
                { path: 'time/approvals', element: <ApprovalsPage /> },
                { path: 'time/reports', element: <ReportsPage /> },
                { path: 'time/rates', element: <RatesPage /> },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
