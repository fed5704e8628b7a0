import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { PageSpinner } from '../../../shared/ui/spinner.tsx';
import { signInPathFor } from '../safe-next.ts';
import {
  lastSignOutReason,
  SignedInUserContext,
  useCurrentUser,
  useHasSession,
} from '../hooks/use-session.ts';

/** Lets only signed-in users through; others go to sign-in and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const isSignedIn = useHasSession();
  const location = useLocation();
  const user = useCurrentUser();

  if (!isSignedIn) {
    const reason = lastSignOutReason();
    // Signing out on purpose lands on a plain sign-in page; anything else returns here after.
    if (reason === 'user') {
      return <Navigate to="/sign-in" replace />;
    }
    return (
      <Navigate
        to={signInPathFor(location.pathname + location.search)}
        replace
        state={reason === 'expired' ? { sessionExpired: true } : null}
      />
    );
  }
  if (user.isPending) {
    return <PageSpinner label="Loading your workspace…" />;
  }
  if (user.isError) {
    return (
      <div className="page-error">
        <ErrorBanner
          title="We couldn't load your account"
          error={user.error}
          onRetry={() => void user.refetch()}
        />
      </div>
    );
  }
  return <SignedInUserContext value={user.data}>{children}</SignedInUserContext>;
}
