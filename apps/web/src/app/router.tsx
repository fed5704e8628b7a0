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
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'settings', element: <Navigate to="/settings/profile" replace /> },
            { path: 'settings/profile', element: <ProfilePage /> },
            { path: 'settings/sessions', element: <SessionsPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
