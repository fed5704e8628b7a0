import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useSyncExternalStore } from 'react';
import { apiClient } from '../../../shared/api/client.ts';
import { getProfile, logout } from '../auth.api.ts';
import { authKeys } from '../auth.keys.ts';
import type { TokenSet, User } from '../auth.types.ts';

const { tokens } = apiClient;
const subscribe = (listener: () => void) => tokens.subscribe(listener);
const hasSession = () => tokens.hasSession();

/** Whether this tab holds a session (tokens); the user's data may still be loading. */
export function useHasSession(): boolean {
  return useSyncExternalStore(subscribe, hasSession);
}

/** The signed-in user's profile, fetched once a session exists. */
export function useCurrentUser() {
  const isSignedIn = useHasSession();
  return useQuery({
    queryKey: authKeys.profile,
    queryFn: ({ signal }) => getProfile(signal),
    enabled: isSignedIn,
    staleTime: 60_000,
  });
}

export const SignedInUserContext = createContext<User | null>(null);

/** The user inside the signed-in part of the app (under <RequireAuth>). */
export function useSignedInUser(): User {
  const user = use(SignedInUserContext);
  if (!user) {
    throw new Error('useSignedInUser must be used under <RequireAuth>');
  }
  return user;
}

// Data anyone may read (no account involved) survives a change of user; everything else goes.
const PUBLIC_QUERY_ROOTS = new Set<unknown>([authKeys.providers[0], 'invitation-lookup']);

/** Forgets the previous user's data so the next one never sees it, even for a moment. */
function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !PUBLIC_QUERY_ROOTS.has(query.queryKey[0]) });
}

/** Starts a session from a token set (sign-in, sign-up, OAuth), forgetting any previous user. */
export function useStartSession(): (tokenSet: TokenSet) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (tokenSet: TokenSet) => {
      forgetUserData(queryClient);
      tokens.setTokens(tokenSet);
    },
    [queryClient],
  );
}

/** Ends the session on the server (best effort) and in this tab. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      if (await apiClient.ensureFreshAccessToken()) {
        const refreshToken = tokens.getRefreshToken();
        if (refreshToken) {
          await logout(refreshToken);
        }
      }
    } catch {
      // The server may be unreachable or the session already revoked; this tab signs out anyway.
    }
    tokens.clear('user');
    forgetUserData(queryClient);
  }, [queryClient]);
}

export function lastSignOutReason() {
  return tokens.lastSignOutReason();
}
