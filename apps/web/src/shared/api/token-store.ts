/** The part of the auth service's TokenSet the client needs. */
export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** Why the session ended: the user asked, or the server stopped accepting it. */
export type SignOutReason = 'user' | 'expired';

export interface TokenStore {
  getAccessToken(): string | null;
  /** True when the access token is missing or expires within the next `marginMs`. */
  isAccessTokenStale(marginMs: number): boolean;
  getRefreshToken(): string | null;
  hasSession(): boolean;
  lastSignOutReason(): SignOutReason | null;
  setTokens(tokens: TokenPair): void;
  clear(reason: SignOutReason): void;
  subscribe(listener: () => void): () => void;
}

const REFRESH_TOKEN_KEY = 'pm.refresh_token';

function readStorage(storage: Storage): string | null {
  try {
    return storage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeStorage(storage: Storage, value: string | null): void {
  try {
    if (value === null) {
      storage.removeItem(REFRESH_TOKEN_KEY);
    } else {
      storage.setItem(REFRESH_TOKEN_KEY, value);
    }
  } catch {
    // Storage disabled (private mode, quota): the session then lasts as long as the tab.
  }
}

/**
 * The access token lives only in memory (a script injected later cannot read it from storage);
 * the refresh token lives in localStorage so a reload or a new tab stays signed in.
 */
export function createTokenStore(storage: Storage, now: () => number = Date.now): TokenStore {
  let accessToken: string | null = null;
  let accessExpiresAt = 0;
  let refreshToken = readStorage(storage);
  let signOutReason: SignOutReason | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) {
      listener();
    }
  };

  // Another tab signed out (or rotated the token): follow it.
  window.addEventListener('storage', (event) => {
    if (event.key !== REFRESH_TOKEN_KEY && event.key !== null) {
      return;
    }
    const next = readStorage(storage);
    if (next === refreshToken) {
      return;
    }
    refreshToken = next;
    if (next === null) {
      accessToken = null;
      signOutReason = 'user';
      notify();
    }
  });

  return {
    getAccessToken: () => accessToken,
    isAccessTokenStale: (marginMs) => accessToken === null || now() + marginMs >= accessExpiresAt,
    // Re-read storage: another tab may have rotated the refresh token since we last looked.
    getRefreshToken: () => {
      refreshToken = readStorage(storage) ?? refreshToken;
      return refreshToken;
    },
    hasSession: () => refreshToken !== null || accessToken !== null,
    lastSignOutReason: () => signOutReason,
    setTokens(tokens) {
      const hadSession = refreshToken !== null || accessToken !== null;
      accessToken = tokens.access_token;
      accessExpiresAt = now() + tokens.expires_in * 1000;
      refreshToken = tokens.refresh_token;
      signOutReason = null;
      writeStorage(storage, tokens.refresh_token);
      if (!hadSession) {
        notify();
      }
    },
    clear(reason) {
      const hadSession = refreshToken !== null || accessToken !== null;
      accessToken = null;
      accessExpiresAt = 0;
      refreshToken = null;
      signOutReason = reason;
      writeStorage(storage, null);
      if (hadSession) {
        notify();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
