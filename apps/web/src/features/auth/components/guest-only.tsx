import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../safe-next.ts';
import { useHasSession } from '../hooks/use-session.ts';

/** Sign-in and sign-up make no sense with a session: go where the visitor was heading. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const isSignedIn = useHasSession();
  const [params] = useSearchParams();
  if (isSignedIn) {
    return <Navigate to={safeNextPath(params.get('next'))} replace />;
  }
  return children;
}
